import EarnedDomain
import Foundation

extension DemoBusiness {
    /// Who customer `index` is: name, contacts, dates, consents, language, preferred channel and
    /// tags. Phone numbers come from a permutation of the position, so no two customers share one.
    func makeIdentity(
        index: Int, id: CustomerID, site: DemoSite, isCompany: Bool, createdAt: Date, random: inout SeededGenerator
    ) -> Customer {
        let origin: DemoNames.Origin
        if site.spec.isRussian {
            origin = random.chance(0.03) ? .english : .russian
        } else {
            origin = [.english, .german, .russian][random.index(weights: [0.45, 0.3, 0.25])]
        }
        let language = origin == .russian ? "ru" : "en"
        let serial = String(index + 1)

        var name: String
        var handle: String
        var dates: [CustomerDate] = []
        var contacts: [ContactPoint] = []
        let today = site.days[site.orderDayCount].number

        if isCompany {
            if site.spec.isRussian {
                let base = random.pick(DemoNames.russianCompanyBases) + random.pick(DemoNames.russianCompanySuffixes)
                let form = random.pick(DemoNames.russianCompanyForms)
                if form == "ИП" {
                    let surname = random.pick(DemoNames.russianSurnames)
                    let initials =
                        String(random.pick(DemoNames.russianMale).prefix(1)) + "."
                        + String(random.pick(DemoNames.russianPatronymics).male.prefix(1)) + "."
                    name = "ИП \(surname) \(initials)"
                    handle = DemoNames.latin(surname)
                } else {
                    name = "\(form) «\(base)»"
                    handle = DemoNames.latin(base, separator: "-")
                }
            } else {
                let base = random.pick(DemoNames.westernCompanyBases)
                name = "\(base) \(random.pick(DemoNames.westernCompanyForms))"
                handle = DemoNames.latin(base, separator: "-")
            }
            contacts.append(
                ContactPoint(channel: .phone, value: companyPhone(index: index, site: site), label: "office"))
            if random.chance(0.9) {
                let domain = site.spec.isRussian ? "ru" : "de"
                let mailbox = random.pick(["info", "office", "zakaz", "buh", "hello"])
                contacts.append(
                    ContactPoint(channel: .email, value: "\(mailbox)@\(handle)-\(serial).\(domain)", label: "work"))
            }
            if random.chance(0.3) {
                let founded = today - random.int(365 * 2..<365 * 30)
                dates.append(
                    CustomerDate(
                        kind: .other, date: DemoCalendar.localDate(founded),
                        label: language == "ru" ? "день основания компании" : "the company's founding day"))
            }
        } else {
            let female = random.chance(0.55)
            let first: String
            let last: String
            switch origin {
            case .russian:
                first = random.pick(female ? DemoNames.russianFemale : DemoNames.russianMale)
                last = DemoNames.russianSurname(random.pick(DemoNames.russianSurnames), female: female)
                if random.chance(0.2) {
                    let patronymic = random.pick(DemoNames.russianPatronymics)
                    name = "\(last) \(first) \(female ? patronymic.female : patronymic.male)"
                } else {
                    name = "\(first) \(last)"
                }
            case .english:
                first = random.pick(female ? DemoNames.englishFemale : DemoNames.englishMale)
                last = random.pick(DemoNames.englishSurnames)
                name = "\(first) \(last)"
            case .german:
                first = random.pick(female ? DemoNames.germanFemale : DemoNames.germanMale)
                last = random.pick(DemoNames.germanSurnames)
                name = "\(first) \(last)"
            }
            let latinFirst = DemoNames.latin(first)
            let latinLast = DemoNames.latin(last)
            handle = "\(latinFirst)_\(latinLast)"
            if random.chance(0.95) {
                contacts.append(
                    ContactPoint(channel: .phone, value: mobilePhone(index: index, site: site), label: "mobile"))
            }
            if random.chance(0.8) {
                let local: String
                switch random.int(0..<4) {
                case 0: local = "\(latinFirst).\(latinLast)\(serial)"
                case 1: local = "\(latinLast).\(latinFirst.prefix(1))\(serial)"
                case 2: local = "\(latinFirst)\(serial)"
                default: local = "\(latinFirst)_\(latinLast)\(serial)"
                }
                let domains = site.spec.isRussian ? DemoCatalog.russianMailDomains : DemoCatalog.germanMailDomains
                contacts.append(
                    ContactPoint(channel: .email, value: "\(local)@\(random.pick(domains))", label: "personal"))
            }
            if random.chance(0.78) {
                let born = today - random.int(18 * 365..<78 * 365)
                var date = DemoCalendar.localDate(born)
                if random.chance(0.06) { date.year = nil }
                dates.append(CustomerDate(kind: .birthday, date: date))
            }
        }
        if random.chance(isCompany ? 0.15 : 0.25) {
            contacts.append(ContactPoint(channel: .messenger, value: "@\(handle)\(serial)", label: "Telegram"))
        }

        var consents: [Consent] = []
        // The consents are asked for once, at registration, all through the same form or call.
        let source = random.pick(DemoCatalog.consentSources)
        for channel in ContactChannel.consentable {
            let reachable: Bool
            switch channel {
            case .phone, .sms: reachable = contacts.contains { $0.channel == .phone }
            case .email: reachable = contacts.contains { $0.channel == .email }
            case .messenger: reachable = contacts.contains { $0.channel == .messenger }
            default: reachable = random.chance(0.08)
            }
            guard reachable else { continue }
            let given = random.chance(channel == .post ? 0.5 : (channel == .email ? 0.75 : 0.82))
            consents.append(Consent(channel: channel, given: given, at: createdAt, source: source))
            if given, random.chance(0.05) {
                let at = createdAt.addingTimeInterval(
                    (random.uniform() * now.timeIntervalSince(createdAt)).rounded(.down))
                consents.append(
                    Consent(channel: channel, given: false, at: at, source: random.pick(DemoCatalog.withdrawalSources)))
            }
        }
        let open = ContactChannel.consentable.filter { channel in
            consents.last { $0.channel == channel }?.given == true
        }
        let preferred = !open.isEmpty && random.chance(0.85) ? random.pick(open) : nil

        var tags: [String] = []
        let pool = language == "ru" ? DemoCatalog.russianTags : DemoCatalog.englishTags
        for _ in 0..<random.int(0...2) {
            let tag = random.pick(pool)
            if !tags.contains(tag) { tags.append(tag) }
        }
        if isCompany {
            tags.insert(
                random.pick(language == "ru" ? DemoCatalog.russianCompanyTags : DemoCatalog.englishCompanyTags), at: 0)
        }

        return Customer(
            id: id, kind: isCompany ? .company : .person, name: name, contacts: contacts, dates: dates,
            consents: consents, homeLocationID: site.location.id, language: language, preferredChannel: preferred,
            tags: tags, createdAt: createdAt, updatedAt: consents.map(\.at).max() ?? createdAt)
    }

    /// A mobile number in the shop's country: +7 9XX … in Russia, +49 15X … in Germany.
    private func mobilePhone(index: Int, site: DemoSite) -> String {
        let digits = Self.padded(permuted(index, modulus: 1_000_000_000), width: 9)
        return site.spec.isRussian ? "+79" + digits : "+4915" + digits
    }

    /// An office number in the shop's city: Moscow 495, Yekaterinburg 343, Berlin 30.
    private func companyPhone(index: Int, site: DemoSite) -> String {
        switch site.index {
        case 0: "+7495" + Self.padded(permuted(index, modulus: 10_000_000), width: 7)
        case 1: "+7343" + Self.padded(permuted(index, modulus: 10_000_000), width: 7)
        default: "+4930" + Self.padded(permuted(index, modulus: 100_000_000), width: 8)
        }
    }

    /// A seeded bijection of `0..<modulus` (an affine map with a multiplier prime to 10), so
    /// distinct positions below the modulus get distinct numbers.
    private func permuted(_ index: Int, modulus: Int) -> Int {
        (index % modulus * 387_420_489 % modulus + phoneSalt % modulus) % modulus
    }
}
