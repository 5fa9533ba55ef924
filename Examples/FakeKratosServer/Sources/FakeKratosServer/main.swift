import FakeKratos
import Foundation
import Hummingbird

// `swift run FakeKratosServer [port]`: a fake Kratos on 127.0.0.1 (default port 4433).
let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 4433
let app = Application.fakeKratos(handler: FakeKratosHandler(), port: port) { port in
    print("Fake Kratos listening on http://127.0.0.1:\(port)")
}
try await app.runService()
