import Foundation
import HTTPTypes
import Hummingbird
import OryKratos

/// Adapts Hummingbird to the generated, framework-agnostic `OryKratos.Router`: the request becomes
/// an `HTTPRequest`, the router's `HTTPResponse` a Hummingbird `Response`.
public struct KratosResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public let router: OryKratos.Router
    /// The largest request body read.
    public var maximumBodySize: Int

    public init(router: OryKratos.Router, maximumBodySize: Int = 1 << 20) {
        self.router = router
        self.maximumBodySize = maximumBodySize
    }

    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: maximumBodySize)
        var headerFields: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headerFields[name] = headerFields[name].map { $0 + ", " + field.value } ?? field.value
        }
        guard let url = URL(string: "http://localhost" + request.uri.string) else {
            return Response(status: .badRequest)
        }
        let answer = await router.handle(
            OryKratos.HTTPRequest(
                method: request.method.rawValue, url: url, headerFields: headerFields,
                body: body.readableBytes == 0 ? nil : Data(body.readableBytesView)
            )
        )
        var fields = HTTPFields()
        for (name, value) in answer.headerFields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return Response(
            status: HTTPTypes.HTTPResponse.Status(code: answer.statusCode),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}

extension Application where Responder == KratosResponder {
    /// An application serving `handler` as Kratos on `host`:`port` (`0`: any free port).
    public static func fakeKratos(
        handler: any APIHandler, host: String = "127.0.0.1", port: Int = 4433,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> Application<KratosResponder> {
        Application(
            responder: KratosResponder(router: OryKratos.Router(handler: handler)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "FakeKratos"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }
        )
    }
}
