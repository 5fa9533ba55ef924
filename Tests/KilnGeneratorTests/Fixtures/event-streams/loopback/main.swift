// Drives the generated event-streams client over loopback against server.py (its port is the first
// argument), through URLSessionTransport and a middleware: each line printed is compared by
// StreamingClientTests with expected.txt.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let base = URL(string: "http://127.0.0.1:\(CommandLine.arguments[1])")!
let client = Client(serverURL: base, middlewares: [HeadersMiddleware(["X-Driver": "loopback"])])

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
