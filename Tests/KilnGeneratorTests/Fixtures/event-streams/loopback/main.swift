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

// One response, two media types: each method asks for its own, and the Content-Type picks the case.
let whole = try await client.chat(body: Prompt(text: "hello streaming world"))
print("chat as JSON:", whole.text)
var words: [String] = []
for try await event in try await client.chatEventStream(body: Prompt(text: "hello streaming world")) {
    if case .value(let reply, _) = event { words.append(reply.text) }
}
print("chat as events:", words)
if case .okEventStream(let events) = try await client.chatResponse(body: Prompt(text: "picked by its type", stream: true)) {
    var count = 0
    for try await _ in events { count += 1 }
    print("chat response read as events by its Content-Type:", count, "events")
}

// Multipart: each part labelled as the spec's `encoding` says, files named, arrays as repeated parts.
let album = UploadAlbumRequest(
    title: "Holiday", cover: HTTPBody(Data([0x89, 0x50])), pages: [HTTPBody(Data([1])), HTTPBody(Data([2, 2]))],
    details: Receipt(bytes: 3, contentType: "text/plain"), notes: "# Notes"
)
for part in try await client.uploadAlbum(body: album) {
    let headers = (part.headers ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    print((["part", part.name, part.filename ?? "-", part.contentType ?? "-", String(part.bytes)] + headers).joined(separator: " "))
}

// Binary bodies stream both ways: a GiB downloaded to a file and a GiB uploaded from one, while
// the process's peak memory stays far below either.
let gibibyte = 1 << 30
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-loopback-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

/// The last progress a transfer reported, kept across the threads that report it.
final class LastProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var last: TransferProgress?
    private var reports = 0

    func record(_ progress: TransferProgress) {
        lock.lock()
        last = progress
        reports += 1
        lock.unlock()
    }

    var summary: String {
        lock.lock()
        defer { lock.unlock() }
        let fraction = last?.fractionCompleted.map { String(format: "%.2f", $0) } ?? "-"
        return "progress reported \(reports > 1 ? "many times" : "\(reports) times"), last \(fraction)"
    }
}

func downloadAGibibyte() async throws {
    let file = scratch.appendingPathComponent("download")
    let progress = LastProgress()
    let body = try await client.downloadBlob(name: "big", size: Int64(gibibyte))
    let written = try await body.reportingProgress { progress.record($0) }.write(to: file)
    let handle = try FileHandle(forReadingFrom: file)
    try handle.seek(toOffset: UInt64(gibibyte - 4))
    let tail = try handle.read(upToCount: 4).map(Array.init) ?? []
    try handle.close()
    print("downloaded", written, "bytes, ending", tail, "length known:", body.length == gibibyte)
    print(progress.summary)
    try FileManager.default.removeItem(at: file)
}

func uploadAGibibyteFromAFile() async throws {
    let file = scratch.appendingPathComponent("upload")
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    let mebibyte = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0) })
    for _ in 0..<1024 { try handle.write(contentsOf: mebibyte) }
    try handle.close()
    let progress = LastProgress()
    let body = try HTTPBody(contentsOf: file).reportingProgress { progress.record($0) }
    let receipt = try await client.uploadBlob(name: "big", body: body)
    print("uploaded from a file:", receipt.bytes, "bytes as", receipt.contentType)
    print(progress.summary)
    try FileManager.default.removeItem(at: file)
}

/// Mebibytes made one at a time as they are read, so many that nobody knows the length beforehand.
struct MadeChunks: AsyncSequence, Sendable {
    let count: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var made = 0
        let count: Int

        mutating func next() async -> Data? {
            guard made < count else { return nil }
            made += 1
            return Data(repeating: UInt8(truncatingIfNeeded: made), count: 1 << 20)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(count: count) }
}

func uploadFromASequence() async throws {
    let receipt = try await client.uploadBlob(name: "made", body: HTTPBody(chunks: MadeChunks(count: 256)))
    print("uploaded from a sequence:", receipt.bytes, "bytes")
}

/// Multipart parts from a file and from a sequence stream as the body is sent: the file part alone
/// is more than the memory the process may use.
func uploadAnAlbumFromAFile() async throws {
    let file = scratch.appendingPathComponent("cover")
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    let mebibyte = Data(repeating: 0x2A, count: 1 << 20)
    for _ in 0..<128 { try handle.write(contentsOf: mebibyte) }
    try handle.close()
    let cover = try HTTPBody(contentsOf: file)
    let album = UploadAlbumRequest(title: "Big", cover: cover, pages: [HTTPBody(chunks: MadeChunks(count: 8))])
    let parts = try await client.uploadAlbum(body: album)
    for part in parts {
        print("streamed part", part.name, part.filename ?? "-", part.contentType ?? "-", part.bytes)
    }
    try FileManager.default.removeItem(at: file)
}

try await downloadAGibibyte()
try await uploadAGibibyteFromAFile()
try await uploadFromASequence()
try await uploadAnAlbumFromAFile()
let image = try await client.uploadImage(name: "dot", body: HTTPBody(Data([0x89, 0x50, 0x4E, 0x47])))
print("uploaded from memory:", image.bytes, "bytes as", image.contentType)
do {
    _ = try await client.downloadBlob(name: "missing", size: 1)
} catch let error as OperationError<Operations.DownloadBlob.Response> {
    if case .notFound(let problem) = error.response { print("download error", error.httpResponse.statusCode, problem.message) }
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
// Linux reports the peak resident set in kibibytes.
let peakMebibytes = Int(usage.ru_maxrss) / 1024
print("peak memory under 100 MB:", peakMebibytes * 1_048_576 < 100_000_000)
// The figure itself varies from run to run: StreamingClientTests reports it and leaves it out of the comparison.
print("peak resident memory: \(peakMebibytes) MiB")
