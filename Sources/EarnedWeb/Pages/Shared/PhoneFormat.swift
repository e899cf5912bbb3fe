import EarnedDomain
import Plot

/// Phone numbers grouped for reading: +7 916 123-45-67.
enum PhoneFormat {
    static func display(_ phone: String) -> String {
        let digits = Array(phone.dropFirst())
        if phone.hasPrefix("+7"), digits.count == 11 {
            let d = digits.map(String.init)
            return "+7 \(d[1...3].joined()) \(d[4...6].joined())-\(d[7...8].joined())-\(d[9...10].joined())"
        }
        return phone
    }
}
