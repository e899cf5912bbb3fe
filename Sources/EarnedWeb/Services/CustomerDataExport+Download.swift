import EarnedStore
import Vapor

extension CustomerDataExport {
    /// The access-request file as a download, the same from the customer's page and the API.
    func download() throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let name = "customer-\(customer.id.rawValue.uuidString.lowercased()).json"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: try json()))
    }
}
