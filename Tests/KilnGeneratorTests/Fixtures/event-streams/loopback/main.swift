// Drives the generated event-streams client over loopback against server.py (its port is the first
// argument), through the transport the second argument names and a middleware: each line printed is
// compared with expected.txt, the same for every transport. StreamingClientTests runs it through
// URLSessionTransport; scripts/test-examples through both, in Examples/FakeKratosServer, whose copy
// of the client also has AsyncHTTPClientTransport.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `urlSession` (the default) or `asyncHTTPClient`, which only a build with AsyncHTTPClient has.
func transport(named name: String) -> any HTTPTransport {
    #if canImport(AsyncHTTPClient)
    if name == "asyncHTTPClient" { return AsyncHTTPClientTransport() }
    #endif
    guard name == "urlSession" else {
        FileHandle.standardError.write(Data("no transport '\(name)' in this build\n".utf8))
        exit(2)
    }
    return URLSessionTransport()
}

let base = URL(string: "http://127.0.0.1:\(CommandLine.arguments[1])")!
let transportName = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "urlSession"
let client = Client(serverURL: base, transport: transport(named: transportName), middlewares: [HeadersMiddleware(["X-Driver": "loopback"])])

/// A request to the server's control endpoints, outside the generated client.
func control(_ path: String, method: String = "GET") async throws -> String {
    var request = URLRequest(url: base.appendingPathComponent(path))
    request.httpMethod = method
    return String(decoding: try await URLSession.shared.data(for: request).0, as: UTF8.self)
}

func show(_ event: TypedEvent<Progress>) -> String {
    switch event {
    case .value(let progress, let raw): return "value \(progress.done) id \(raw.id ?? "-") retry \(raw.retry.map(String.init) ?? "-")"
    case .undecodable(let raw, _): return "undecodable \(raw.type) \(raw.data.debugDescription)"
    }
}

/// The first event reaches the caller while the server holds the rest back until it is released.
func readEventsWhileTheServerWaits() async throws {
    guard case .ok(let events, let headers) = try await client.streamEventsResponse() else {
        print("not 200")
        return
    }
    print("stream id", headers.xStreamId ?? "-")
    var iterator = events.makeAsyncIterator()
    print("first", try await iterator.next().map(show) ?? "none")
    print("released while the server waited:", try await control("__release", method: "POST"))
    while let event = try await iterator.next() { print("then", show(event)) }
}

try await readEventsWhileTheServerWaits()

// Cancelling the task that reads a stream closes the connection.
let ticks = try await client.streamTicks()
let (started, startedContinuation) = AsyncStream.makeStream(of: Int.self)
let consumer = Task {
    var count = 0
    for try await _ in ticks {
        count += 1
        if count == 3 { startedContinuation.yield(count) }
    }
}
for await count in started {
    print("ticks read before cancelling:", count)
    break
}
consumer.cancel()
_ = await consumer.result
var closed = false
for _ in 0..<100 where !closed {
    closed = try await control("__status").contains("\"ticksClosed\": true")
    if !closed { try await Task.sleep(nanoseconds: 50_000_000) }
}
print("server saw the connection closed:", closed)

/// Whether the server sees its /ticks connection closed within five seconds.
func serverSawTicksClosed() async throws -> Bool {
    for _ in 0..<100 {
        if try await control("__status").contains("\"ticksClosed\": true") { return true }
        try await Task.sleep(nanoseconds: 50_000_000)
    }
    return false
}

// Leaving the loop and dropping the stream, with no task cancelled, closes the connection too.
_ = try await control("__reset", method: "POST")
func readThreeTicksAndDropTheStream() async throws {
    var count = 0
    for try await _ in try await client.streamTicks() {
        count += 1
        if count == 3 { break }
    }
    print("ticks read before dropping the stream:", count)
}
try await readThreeTicksAndDropTheStream()
print("server saw the dropped stream's connection closed:", try await serverSawTicksClosed())

// An error status is read whole and thrown as today.
do {
    _ = try await client.streamFailure()
    print("no error")
} catch let error as OperationError<Operations.StreamFailure.Response> {
    if case .serviceUnavailable(let problem) = error.response {
        print("error", error.httpResponse.statusCode, problem.message, "body bytes", error.httpResponse.body.count)
    }
}

for try await record in try await client.streamRecords() {
    switch record {
    case .value(let progress): print("record", progress.done)
    case .undecodable(let text, _): print("undecodable record", text)
    }
}

for try await message in try await client.streamMessages() {
    if case .value(let value, _) = message { print("message", value) }
}

// A call cancelled before the response's status and headers arrive throws CancellationError.
let slowCall = Task { try await client.transport.send(HTTPRequest(method: "GET", url: base.appendingPathComponent("slow"))) }
try await Task.sleep(nanoseconds: 200_000_000)
slowCall.cancel()
switch await slowCall.result {
case .success(let response): print("cancelled call answered", response.statusCode)
case .failure(let error): print("cancelled call throws", error is CancellationError ? "CancellationError" : "\(error)")
}

/// A file of `count` bytes, each its offset modulo 251, so that a lost or reordered chunk shows.
func makeUploadFile(count: Int) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-upload-\(UUID().uuidString)")
    try Data((0..<count).map { UInt8($0 % 251) }).write(to: url)
    return url
}

/// Uploads `body` through the transport and prints what the server received.
func upload(_ label: String, _ body: HTTPBody) async throws {
    let request = HTTPRequest(method: "POST", url: base.appendingPathComponent("upload"), headerFields: ["Content-Type": "application/octet-stream"])
    let response = try await client.transport.stream(request, body: body)
    print(label, response.statusCode, String(decoding: try await response.body.collect(upTo: 1024), as: UTF8.self))
}

// A file is uploaded a chunk at a time with its length; chunks of unknown length arrive whole too.
let uploadFile = try makeUploadFile(count: 3 * 1024 * 1024 + 17)
try await upload("upload file", try HTTPBody(contentsOf: uploadFile, chunkSize: 256 * 1024))
try? FileManager.default.removeItem(at: uploadFile)
let (pieces, piecesContinuation) = AsyncStream.makeStream(of: Data.self)
for piece in ["first ", "second ", "third"] { piecesContinuation.yield(Data(piece.utf8)) }
piecesContinuation.finish()
try await upload("upload chunks", HTTPBody(chunks: pieces))
