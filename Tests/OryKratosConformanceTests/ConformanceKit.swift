// The conformance harness: the stub server process, the transport that steers it, and the runner
// that calls operations and checks what came back. Free of XCTest so that the generated Ory client
// driver (scripts/conformance) compiles this same file into an executable, with the import below
// rewritten to its module.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OryKratos

// MARK: - The stub server

/// `Tests/Conformance/stub_server.py`, started on 127.0.0.1 with a free port.
///
/// The stub exits when this process closes its stdin (at `stop()`, or when this process ends) or
/// after `maxMinutes`.
final class StubServer: @unchecked Sendable {
    let baseURL: URL
    let port: Int
    private let process: Process
    private let stdin: Pipe
    let logFile: URL

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository root, found from this file's location (`Tests/OryKratosConformanceTests/…`)
    /// unless `KILN_REPO_ROOT` says otherwise (the Ory client driver is compiled elsewhere).
    static func repositoryRoot(file: String = #filePath) -> URL {
        if let root = ProcessInfo.processInfo.environment["KILN_REPO_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root)
        }
        return URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The venv's python: `KILN_CONFORMANCE_PYTHON`, else `.build-conformance/venv/bin/python`.
    static func pythonPath(root: URL) -> String {
        if let python = ProcessInfo.processInfo.environment["KILN_CONFORMANCE_PYTHON"], !python.isEmpty {
            return python
        }
        return root.appendingPathComponent(".build-conformance/venv/bin/python").path
    }

    init(spec: URL, root: URL = StubServer.repositoryRoot(), maxMinutes: Int = 20) throws {
        let python = Self.pythonPath(root: root)
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Unavailable(description: "no conformance venv at \(python): run scripts/conformance (it creates "
                + ".build-conformance/venv from Tests/Conformance/requirements.txt)")
        }
        let script = root.appendingPathComponent("Tests/Conformance/stub_server.py")
        let logDirectory = root.appendingPathComponent(".build-conformance")
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        logFile = logDirectory.appendingPathComponent("stub-\(spec.deletingPathExtension().lastPathComponent).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)

        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--spec", spec.path, "--max-minutes", String(maxMinutes)]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()

        // The first line on stdout is the port.
        let reader = stdout.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = reader.availableData
            if chunk.isEmpty {
                if !process.isRunning || Date() > deadline { break }
                Thread.sleep(forTimeInterval: 0.02)
                continue
            }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard let port = Int(line.trimmingCharacters(in: .whitespaces)) else {
            process.terminate()
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw Unavailable(description: "the stub server did not print its port (got \"\(line)\"); its log:\n\(log)")
        }
        self.port = port
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
    }

    deinit { stop() }

    // MARK: Control endpoints

    struct Failure: Decodable, CustomStringConvertible {
        var operationId: String
        var label: String
        var message: String
        var request: String
        var description: String {
            "\(operationId) [\(label)]: \(message)\n    " + request.replacingOccurrences(of: "\n", with: "\n    ")
        }
    }

    struct LogEntry: Decodable {
        var operationId: String?
        var label: String
        var method: String
        var target: String
        var status: Int
    }

    struct SelfCheck: Decodable, CustomStringConvertible {
        var operationId: String
        var status: Int
        var message: String
        var description: String { "\(operationId) \(status): \(message)" }
    }

    func failures() async throws -> [Failure] { try await control("failures") }
    func log() async throws -> [LogEntry] { try await control("log") }
    func selfCheck() async throws -> [SelfCheck] { try await control("selfcheck") }
    func reset() async throws { let _: [String: Bool] = try await control("reset", method: "POST") }

    private func control<T: Decodable>(_ name: String, method: String = "GET") async throws -> T {
        var request = URLRequest(url: baseURL.appendingPathComponent("__stub/\(name)"))
        request.httpMethod = method
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONDecoder().decode(T.self, from: data)
    }
}

// MARK: - Steering the stub per call

/// What the next requests of the current task tell the stub (as `X-Stub-*` headers), and what came
/// back, for the checks that compare a decoded payload with the bytes the stub sent.
final class StubControl: @unchecked Sendable {
    @TaskLocal static var current: StubControl?

    var label: String
    var status: Int?
    var delayMilliseconds: Int?
    var pages: Int?
    var variant: Int?
    var expect: String?

    private let lock = NSLock()
    private var _responses: [HTTPResponse] = []

    init(label: String, status: Int? = nil, delayMilliseconds: Int? = nil, pages: Int? = nil, variant: Int? = nil, expect: String? = nil) {
        self.label = label
        self.status = status
        self.delayMilliseconds = delayMilliseconds
        self.pages = pages
        self.variant = variant
        self.expect = expect
    }

    var headers: [String: String] {
        var headers = ["X-Stub-Label": label]
        if let status { headers["X-Stub-Status"] = String(status) }
        if let delayMilliseconds { headers["X-Stub-Delay-Ms"] = String(delayMilliseconds) }
        if let pages { headers["X-Stub-Pages"] = String(pages) }
        if let variant { headers["X-Stub-Variant"] = String(variant) }
        if let expect {
            headers["X-Stub-Expect"] = Data(expect.utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        return headers
    }

    func record(_ response: HTTPResponse) {
        lock.lock()
        _responses.append(response)
        lock.unlock()
    }

    var responses: [HTTPResponse] {
        lock.lock()
        defer { lock.unlock() }
        return _responses
    }
}

/// Adds the current task's `StubControl` headers to each request, and keeps each raw response.
/// Requests go out through the client's own default transport, over the loopback network.
struct StubTransport: HTTPTransport {
    let base: any HTTPTransport

    init(base: any HTTPTransport = URLSessionTransport()) {
        self.base = base
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var request = request
        if let control = StubControl.current {
            for (name, value) in control.headers {
                request.headerFields[name] = value
            }
        }
        let response = try await base.send(request)
        StubControl.current?.record(response)
        return response
    }
}

// MARK: - Building typed values from JSON

/// A value of whatever type the call site needs, decoded from JSON with the client's own decoder:
/// `client.getIdentity(id: v(#""abc""#))`. A failure here means the client's type cannot hold a
/// value the spec allows.
func v<T: Decodable>(_ json: String, file: StaticString = #fileID, line: UInt = #line) throws -> T {
    do {
        return try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
    } catch {
        throw HarnessError("the client type \(T.self) does not decode the spec-valid value \(json.prefix(300)): \(error)")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Comparing payloads with what was sent

enum JSONComparison {
    /// Parses JSON text (fragments allowed).
    static func parse(_ data: Data) -> Any? {
        try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// nil when `decoded` (the payload, re-encoded by the client's encoder) says the same as `sent`:
    /// null and absent members are the same; numbers compare by value; RFC 3339 strings by instant
    /// (to the microsecond, what the client keeps).
    static func difference(sent: Any, decoded: Any, path: String = "") -> String? {
        if let left = sent as? [String: Any], let right = decoded as? [String: Any] {
            for key in Set(left.keys).union(right.keys).sorted() {
                let l = left[key].flatMap { $0 is NSNull ? nil : $0 }
                let r = right[key].flatMap { $0 is NSNull ? nil : $0 }
                switch (l, r) {
                case (nil, nil): continue
                case (let l?, nil): return "at \(path)/\(key): sent \(render(l)), the payload lost it"
                case (nil, let r?): return "at \(path)/\(key): not sent, the payload has \(render(r))"
                case (let l?, let r?):
                    if let diff = difference(sent: l, decoded: r, path: "\(path)/\(key)") { return diff }
                }
            }
            return nil
        }
        if let left = sent as? [Any], let right = decoded as? [Any] {
            guard left.count == right.count else {
                return "at \(path.isEmpty ? "/" : path): sent \(left.count) elements, the payload has \(right.count)"
            }
            for (index, pair) in zip(left, right).enumerated() {
                if let diff = difference(sent: pair.0, decoded: pair.1, path: "\(path)/\(index)") { return diff }
            }
            return nil
        }
        if let left = sent as? NSNumber, let right = decoded as? NSNumber {
            let leftIsBool = CFGetTypeIDIfAvailable(left) == "bool"
            let rightIsBool = CFGetTypeIDIfAvailable(right) == "bool"
            if leftIsBool != rightIsBool { return mismatch(path, sent, decoded) }
            if left == right { return nil }
            let a = left.doubleValue, b = right.doubleValue
            if a == b || abs(a - b) <= 1e-12 * max(1, abs(a)) { return nil }
            return mismatch(path, sent, decoded)
        }
        if let left = sent as? String, let right = decoded as? String {
            if left == right { return nil }
            // UUIDs are case-insensitive (Foundation's UUID encodes uppercase)
            if left.count == 36, right.count == 36, UUID(uuidString: left) != nil, left.lowercased() == right.lowercased() { return nil }
            // the same instant, to what a `Date` (a Double of seconds since 2001) can hold: a
            // microsecond near 2001, less precise centuries away
            if let a = RFC3339.parse(left), let b = RFC3339.parse(right),
               abs(a - b) <= 0.000_001_5 + abs(a - 978_307_200) * 4e-16 { return nil }
            return mismatch(path, sent, decoded)
        }
        if sent is NSNull && decoded is NSNull { return nil }
        return mismatch(path, sent, decoded)
    }

    private static func CFGetTypeIDIfAvailable(_ number: NSNumber) -> String {
        // JSONSerialization gives booleans as NSNumber too; their objCType is "c".
        String(cString: number.objCType) == "c" ? "bool" : "number"
    }

    private static func mismatch(_ path: String, _ sent: Any, _ decoded: Any) -> String {
        "at \(path.isEmpty ? "/" : path): sent \(render(sent)), the payload has \(render(decoded))"
    }

    static func render(_ value: Any) -> String {
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            let text = String(decoding: data, as: UTF8.self)
            return text.count > 160 ? String(text.prefix(160)) + "…" : text
        }
        return "\(value)"
    }
}

/// RFC 3339 date-times as seconds since 1970, independent of the client's parser.
enum RFC3339 {
    static func parse(_ text: String) -> Double? {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: text) else { return nil }
            return String(text[range])
        }
        guard let year = Int(group(1)!), let month = Int(group(2)!), let day = Int(group(3)!),
              let hour = Int(group(4)!), let minute = Int(group(5)!), let second = Int(group(6)!) else { return nil }
        let fraction = group(7).flatMap { Double("0" + $0) } ?? 0
        var offset = 0
        if let zone = group(8), zone != "Z", zone != "z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let parts = zone.dropFirst().split(separator: ":")
            offset = sign * (Int(parts[0])! * 3600 + Int(parts[1])! * 60)
        }
        // days from civil (Howard Hinnant)
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + hour * 3_600 + minute * 60 + second - offset) + fraction
    }
}

// MARK: - Cases and the runner

/// One call of one operation with chosen arguments; the stub checks what arrives.
struct ConformanceCall: Sendable {
    var operationId: String
    /// `all`, `required`, `all/json`, `required/form`, `body:password/json`, …
    var variant: String
    /// JSON for `X-Stub-Expect` (sent base64url-encoded): the parameters and body the call passes,
    /// as the stub should decode them.
    var expect: String
    /// The success status the call should come back with (the stub's default answer).
    var successStatus: Int
    var run: @Sendable (Client) async throws -> CallOutcome

    var label: String { "\(operationId)/\(variant)" }
}

/// One documented (operation, status) pair: the stub answers with `status`, the call must come back
/// as the case documented for it, with a payload equal to what was sent.
struct StatusCase: Sendable {
    var operationId: String
    /// The response key in the spec: `200`, `404`, `default`, or `undocumented`.
    var key: String
    var status: Int
    /// The enum case the response must decode to.
    var caseName: String
    var run: @Sendable (Client) async throws -> CallOutcome

    var label: String { "\(operationId)/status-\(key)" }
}

/// What a call came back as.
struct CallOutcome: @unchecked Sendable {
    /// The case name of the Response enum.
    var caseName: String
    /// The status the client reports for it.
    var statusCode: Int?
    /// The payload re-encoded as JSON by the client's encoder, or a text payload; nil when the case has none.
    var payload: Payload?

    enum Payload {
        case json(Data)
        case text(String)
    }

    /// For the generated switch statements: a case with an `Encodable` body.
    static func body(_ caseName: String, _ value: some Encodable, statusCode: Int? = nil) throws -> CallOutcome {
        if let text = value as? String {
            return CallOutcome(caseName: caseName, statusCode: statusCode, payload: .text(text))
        }
        return CallOutcome(caseName: caseName, statusCode: statusCode, payload: .json(try JSONCoding.makeEncoder().encode(value)))
    }

    static func empty(_ caseName: String, statusCode: Int? = nil) -> CallOutcome {
        CallOutcome(caseName: caseName, statusCode: statusCode, payload: nil)
    }

    /// Any other case: named by its description (`notFound(…)` is `notFound`).
    static func other(_ response: Any, statusCode: Int) -> CallOutcome {
        let text = String(describing: response)
        let name = text.prefix { $0 != "(" }
        return CallOutcome(caseName: String(name), statusCode: statusCode, payload: nil)
    }
}

/// Runs calls and status cases against a stub and says what failed, in words precise enough to fix
/// the generator from.
struct ConformanceRunner {
    let stub: StubServer
    let client: Client

    init(stub: StubServer, authentication: Authentication, transport: (any HTTPTransport)? = nil) {
        self.stub = stub
        client = Client(
            serverURL: stub.baseURL,
            authentication: authentication,
            transport: transport ?? StubTransport()
        )
    }

    /// Calls every operation; a call passes when it neither threw nor came back with another status,
    /// and the stub recorded no request-validation failure for it.
    func runCalls(_ calls: [ConformanceCall]) async -> (passed: Int, failed: Int, problems: [String]) {
        var problems: [String: [String]] = [:]
        for call in calls {
            let control = StubControl(label: call.label, expect: call.expect)
            do {
                let outcome = try await StubControl.$current.withValue(control) { try await call.run(client) }
                if let code = outcome.statusCode, code != call.successStatus {
                    problems[call.label, default: []].append(
                        "\(call.label): came back as .\(outcome.caseName) (status \(code)), expected status \(call.successStatus)\(excerpt(control))")
                }
            } catch {
                problems[call.label, default: []].append("\(call.label): threw \(describe(error))\(excerpt(control))")
            }
        }
        let labels = Set(calls.map(\.label))
        do {
            for failure in try await stub.failures() where labels.contains(failure.label) {
                problems[failure.label, default: []].append("stub rejected \(failure)")
            }
        } catch {
            problems["(stub)", default: []].append("could not read the stub's failures: \(error)")
        }
        let failed = calls.filter { problems[$0.label] != nil }.count
        let lines = calls.flatMap { problems.removeValue(forKey: $0.label) ?? [] } + problems.values.flatMap { $0 }
        return (calls.count - failed, failed, lines)
    }

    /// Asks for every documented status, each with `variants` different generated bodies (the
    /// richest, the smallest, another seed's richest); a pair passes when every variant does.
    func runStatusCases(_ cases: [StatusCase], variants: Int = 3) async -> (passed: Int, failed: Int, problems: [String]) {
        var passed = 0
        var problems: [String] = []
        for statusCase in cases {
            var pairProblems: [String] = []
            for variant in 0..<max(1, variants) {
                let control = StubControl(label: statusCase.label, status: statusCase.status, variant: variant)
                var problem: String?
                do {
                    let outcome = try await StubControl.$current.withValue(control) { try await statusCase.run(client) }
                    problem = check(outcome, against: statusCase, control: control)
                } catch {
                    problem = "threw \(describe(error))\(excerpt(control))"
                }
                if let problem {
                    pairProblems.append("\(statusCase.operationId) \(statusCase.key) (HTTP \(statusCase.status), body variant \(variant)): \(problem)")
                }
            }
            if pairProblems.isEmpty {
                passed += 1
            } else {
                problems += pairProblems
            }
        }
        return (passed, cases.count - passed, problems)
    }

    private func check(_ outcome: CallOutcome, against statusCase: StatusCase, control: StubControl) -> String? {
        if outcome.caseName != statusCase.caseName {
            return "came back as .\(outcome.caseName), expected .\(statusCase.caseName)\(excerpt(control))"
        }
        if let code = outcome.statusCode, code != statusCase.status {
            return ".\(outcome.caseName) reports status \(code), expected \(statusCase.status)"
        }
        guard let payload = outcome.payload else { return nil }
        guard let raw = control.responses.last else { return "no response was recorded" }
        switch payload {
        case .text(let text):
            let sentText = String(decoding: raw.body, as: UTF8.self)
            if text == sentText { return nil }
            // a JSON string body decodes to its content
            if let sent = JSONComparison.parse(raw.body) as? String, sent == text { return nil }
            return "the text payload differs from the body sent: sent \(sentText.prefix(120).debugDescription), got \(text.prefix(120).debugDescription)"
        case .json(let data):
            guard let sent = JSONComparison.parse(raw.body) else { return "the stub's body is not JSON (harness problem)" }
            guard let decoded = JSONComparison.parse(data) else { return "the payload does not re-encode as JSON" }
            if let diff = JSONComparison.difference(sent: sent, decoded: decoded) {
                return "decoded payload differs from the body sent (\(diff))\(excerpt(control))"
            }
            return nil
        }
    }

    private func excerpt(_ control: StubControl) -> String {
        guard let response = control.responses.last else { return "" }
        let body = String(decoding: response.body.prefix(400), as: UTF8.self)
        let type = response.value(forHeader: "Content-Type") ?? "-"
        return "\n    response: HTTP \(response.statusCode), Content-Type \(type), body \(body)\(response.body.count > 400 ? "…" : "")"
    }
}

func describe(_ error: Error) -> String {
    if let decoding = error as? DecodingError {
        switch decoding {
        case .typeMismatch(let type, let context):
            return "DecodingError.typeMismatch(\(type)) at \(path(context.codingPath)): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "DecodingError.valueNotFound(\(type)) at \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "DecodingError.keyNotFound(\(key.stringValue)) at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "DecodingError.dataCorrupted at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
    }
    return "\(type(of: error)): \(error)"
}

private func path(_ codingPath: [CodingKey]) -> String {
    "/" + codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
}
