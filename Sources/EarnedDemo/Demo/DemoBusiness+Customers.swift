import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The share of customers who registered without buying.
    static let leadShare = 0.03
    static let companyShare = 0.08
    /// The share of a Russian customer's orders placed at the other Russian shop.
    static let awayShare = 0.07
    static let siteWeights = siteSpecs.map(\.customerShare)

    /// Makes customer `index` from its own random stream and appends it, its orders, notes and
    /// truth to `batch`.
    func makeCustomer(index: Int, into batch: inout DemoBatch) {
        var random = SeededGenerator(seed: seed, stream: UInt64(index))
        let id = CustomerID(random.uuid())
        let site = sites[random.index(weights: Self.siteWeights)]
        let isCompany = random.chance(Self.companyShare)
        let isHunter = random.chance(groundTruth.discountHunterShare)
        let isLead = random.chance(Self.leadShare)
        let purchase = groundTruth.purchaseModel
        let rate = random.gamma(shape: purchase.r, scale: 1 / purchase.alpha)
        let dropout = random.beta(purchase.a, purchase.b)
        let spend = groundTruth.spendModel
        let nu = random.gamma(shape: spend.q, scale: 1 / spend.gamma)

        // The BG/NBD story in demand time: a first purchase, then Poisson repeats, each followed
        // by a chance to drop out.
        let end = Double(site.orderDayCount)
        var times = [random.uniform() * end]
        var droppedOut = false
        if !isLead {
            var t = times[0]
            while times.count < 400 {
                t += random.exponential(rate: rate)
                if t >= end { break }
                times.append(t)
                if random.chance(dropout) {
                    droppedOut = true
                    break
                }
            }
        }

        let crew = crews[site.index]
        let ownerID: StaffID =
            isCompany && random.chance(0.5) ? crew.managerID : random.pick(crew.relationshipOwners)
        let externalID = "D-" + Self.padded(index + 1, width: 6)

        var orders: [Order] = []
        if !isLead {
            orders.reserveCapacity(times.count)
            for t in times {
                orders.append(
                    makeOrder(
                        day: site.orderDay(at: t, hunter: isHunter), home: site, customerID: id, ownerID: ownerID,
                        isCompany: isCompany, isHunter: isHunter, nu: nu, random: &random))
            }
            orders.sort { $0.placedAt < $1.placedAt }
            for number in orders.indices {
                orders[number].externalID = Self.orderExternalID(customer: externalID, number: number)
            }
        }

        let createdAt: Date
        if let first = orders.first {
            createdAt = first.placedAt.addingTimeInterval(-Double(random.int(60..<900)))
        } else {
            let day = site.orderDay(at: times[0], hunter: isHunter)
            createdAt = site.instant(
                day: day, minute: site.footfallMinute(day: day, using: &random), second: random.int(0..<60))
        }
        var customer = makeIdentity(
            index: index, id: id, site: site, isCompany: isCompany, createdAt: createdAt, random: &random)
        customer.ownerID = ownerID
        customer.externalID = externalID

        var notes: [CustomerNote] = []
        let noteCount = random.chance(0.05) ? (random.chance(0.2) ? 2 : 1) : 0
        for _ in 0..<noteCount {
            let texts = customer.language == "ru" ? DemoCatalog.russianNotes : DemoCatalog.englishNotes
            let at = createdAt.addingTimeInterval(random.uniform() * now.timeIntervalSince(createdAt))
            notes.append(
                CustomerNote(
                    id: CustomerNoteID(random.uuid()), customerID: id,
                    authorID: random.chance(0.7) ? ownerID : crew.managerID,
                    text: random.pick(texts),
                    createdAt: Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))))
        }

        var truth = DemoCustomerTruth(
            customerID: id, isDiscountHunter: isHunter, isLead: isLead, purchaseRate: rate,
            dropoutProbability: dropout, droppedOutAt: droppedOut ? orders.last?.placedAt : nil,
            meanSpend: spend.p / nu)
        truth.plannedOrderCount = orders.count
        truth.plannedLastOrderAt = orders.last?.placedAt
        batch.truths.append(truth)
        batch.customers.append(customer)
        batch.orders += orders
        batch.notes += notes
    }

    /// One order on order day `day` of the customer's home site.
    private func makeOrder(
        day homeDay: Int, home: DemoSite, customerID: CustomerID, ownerID: StaffID, isCompany: Bool, isHunter: Bool,
        nu: Double, random: inout SeededGenerator
    ) -> Order {
        var site = home
        var day = homeDay
        if home.spec.isRussian, random.chance(Self.awayShare) {
            let other = sites[home.index == 0 ? 1 : 0]
            let otherDay = home.days[homeDay].number - other.days[0].number
            if otherDay >= 0, otherDay < other.orderDayCount, other.days[otherDay].openMinutes > 0 {
                site = other
                day = otherDay
            }
        }
        let minute = site.footfallMinute(day: day, using: &random)
        let placedAt = site.instant(day: day, minute: minute, second: random.int(0..<60))
        let russian = site.spec.isRussian
        let currency = site.spec.currency

        let spend = groundTruth.spendModel
        let units = random.gamma(shape: spend.p, scale: 1 / nu)
        let band = DemoCatalog.band(listPrice: units)
        let isService = random.chance(DemoCatalog.serviceShare)
        let isDelivery = !isService && random.chance(DemoCatalog.deliveryShare[band])
        let list = Self.listPrice(units: units, currency: currency, spend: spend, random: &random)

        let isSale = site.days[day].isSale
        let discountChance = isHunter ? (isSale ? 0.93 : 0.5) : (isSale ? 0.22 : 0.03)
        var discount: Int64 = 0
        if random.chance(discountChance) {
            let percent = Int64(isSale ? random.pick([10, 15, 20, 25, 30]) : random.pick([5, 10, 15]))
            let step: Int64 = currency == "RUB" ? 100 : 1
            discount = max(step, (list * percent / 100) / step * step)
        }

        var quantity = 1
        if band == 0 { quantity = isCompany ? random.int(2...12) : (random.chance(0.25) ? random.int(2...3) : 1) }
        let items: String
        if isService {
            items = random.pick(russian ? DemoCatalog.russianServices : DemoCatalog.englishServices)
        } else {
            items = random.pick((russian ? DemoCatalog.russianGoods : DemoCatalog.englishGoods)[band])
        }

        let crew = crews[site.index]
        let sellerID: StaffID
        if isService {
            sellerID = random.pick(crew.servicers)
        } else if random.chance(0.08) {
            sellerID = crew.managerID
        } else {
            let shift = site.location.shifts[0].contains(minuteOfDay: minute) ? 0 : 1
            let sellers = crew.sellersByShift[shift]
            sellerID =
                site.index == home.index && sellers.contains(ownerID) && random.chance(0.6)
                ? ownerID : random.pick(sellers)
        }

        let channel: Order.SalesChannel
        if isDelivery {
            channel = [.web, .phone, .store][random.index(weights: [0.5, 0.3, 0.2])]
        } else if isService {
            channel = random.chance(0.6) ? .store : .phone
        } else if isCompany, random.chance(0.3) {
            channel = .field
        } else {
            channel = [.store, .web, .phone][random.index(weights: [0.85, 0.1, 0.05])]
        }

        var promisedAt: Date?
        var deliveredAt: Date?
        if isService || isDelivery,
            let promise = promise(site: site, day: day, minute: minute, isService: isService, random: &random)
        {
            let promised = site.instant(day: promise.day, minute: promise.minute)
            let late = random.chance(
                groundTruth.lateProbability(
                    locationID: site.location.id, shiftName: site.shiftName(minute: promise.minute),
                    minutesBeforeClosing: site.days[promise.day].closing - promise.minute,
                    specialDay: site.days[promise.day].special))
            let delivered: Date
            if late {
                let minutes = min(3 * 24 * 60, 10 + random.logNormal(mu: log(70), sigma: 0.9))
                delivered = promised.addingTimeInterval((minutes * 60).rounded())
            } else {
                let early = Double(random.int(0...40) * 60 + random.int(0..<60))
                delivered = max(placedAt.addingTimeInterval(300), promised.addingTimeInterval(-early))
            }
            promisedAt = promised
            deliveredAt = delivered <= now ? delivered : nil
        }

        return Order(
            id: OrderID(random.uuid()), customerID: customerID, sellerID: sellerID, locationID: site.location.id,
            placedAt: placedAt, amount: Money(minorUnits: list - discount, currency: currency),
            discountMinorUnits: discount, quantity: quantity, itemsSummary: items, channel: channel,
            promisedAt: promisedAt, deliveredAt: deliveredAt, createdAt: placedAt,
            updatedAt: deliveredAt ?? placedAt)
    }

    /// When a delivery (one to three open days later, on the half hour) or a service start (an
    /// hour or more later the same day when the shop is still open, else the next open day, on
    /// the quarter hour) is promised, as a site day and local minute.
    private func promise(
        site: DemoSite, day: Int, minute: Int, isService: Bool, random: inout SeededGenerator
    ) -> (day: Int, minute: Int)? {
        if isService {
            var target = minute + 60 + random.int(0..<180)
            target += (15 - target % 15) % 15
            if site.isOpen(day: day, minute: target) { return (day, target) }
            if let later = site.days[day].periods.first(where: { $0.start > target }) {
                return (day, min(later.end - 15, later.start + 15 * random.int(0..<4)))
            }
            guard let next = site.openDay(after: day, count: 1) else { return nil }
            return (next, site.openMinute(day: next, granularity: 15, using: &random))
        }
        guard let next = site.openDay(after: day, count: 1 + random.int(0..<3)) else { return nil }
        return (next, site.openMinute(day: next, granularity: 30, using: &random))
    }

    /// A list price in minor units: whole tens of roubles, or euros ending in .00 or .90.
    private static func listPrice(
        units: Double, currency: String, spend: DemoGroundTruth.SpendModel, random: inout SeededGenerator
    ) -> Int64 {
        let raw = units * Double(spend.minorUnitsPerUnit(currency: currency))
        if currency == "RUB" {
            return max(15_000, Int64((raw / 1_000).rounded()) * 1_000)
        }
        let euros = max(5, Int64((raw / 100).rounded()))
        return euros * 100 - (random.chance(0.5) ? 10 : 0)
    }

    /// An order's number in the shop's own system: its customer's, then its place among their
    /// orders from 01 ("D-000042-03").
    static func orderExternalID(customer: String, number: Int) -> String {
        customer + "-" + padded(number + 1, width: 2)
    }

    static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
