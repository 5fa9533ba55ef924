// Drives the generated event-stream support code: each line printed is compared by
// EventStreamParsingTests with expected.txt.
import Foundation

func show(_ event: ServerSentEvent) -> String {
    "\(event.type)|\(event.data.debugDescription)|\(event.id ?? "-")|\(event.retry.map(String.init) ?? "-")"
}

func parse(_ chunks: [String]) -> [String] {
    var parser = ServerSentEventParser()
    var events: [String] = []
    for chunk in chunks { events += parser.parse(Array(chunk.utf8)).map(show) }
    parser.finish()
    return events
}

func parseBytes(_ chunks: [[UInt8]]) -> [String] {
    var parser = ServerSentEventParser()
    return chunks.flatMap { parser.parse($0) }.map(show)
}

func stream(_ chunks: [String]) -> AsyncStream<[UInt8]> {
    AsyncStream { continuation in
        for chunk in chunks { continuation.yield(Array(chunk.utf8)) }
        continuation.finish()
    }
}

print("basic", parse(["data: hello\n\n"]))
print("multi-line data", parse(["data: a\ndata: b\n\n"]))
print("comments", parse([": keep-alive\n\n", "data: x\n\n"]))
print("fields", parse(["event: update\nid: 7\nretry: 3000\ndata: {}\n\n", "data: y\n\n"]))
print("CR and CRLF", parse(["data: a\r\rdata: b\r\n\r\n"]))
print("CRLF split", parse(["data: a\r", "\n\r\n"]))
let accent = Array("data: é\n\n".utf8)
print("UTF-8 split", parseBytes([Array(accent[..<7]), Array(accent[7...])]))
print("spaces", parse(["data:x\n\ndata:  y\n\n"]))
print("bare field", parse(["data\n\n"]))
print("no data", parse(["event: ping\n\n"]))
print("bad retry and id", parse(["id: 1\n\nretry: 12a\nid: a\u{0}b\ndata: z\n\n"]))
print("byte order mark", parse(["\u{FEFF}data: bom\n\n"]))
print("unterminated", parse(["data: done\n\ndata: partial"]))


func typedEvents() async throws -> [String] {
    var seen: [String] = []
    let chunks = ["data: {\"done\": 1}\n\n", "data: not json\n\n", "data: {\"do", "ne\": 2}\n\n", "data: [DONE]\n\n", "data: {\"done\": 3}\n\n"]
    for try await event in TypedEventSequence<Progress, AsyncStream<[UInt8]>>(stream(chunks), terminator: "[DONE]") {
        switch event {
        case .value(let progress, _): seen.append("value \(progress.done)")
        case .undecodable(let raw, _): seen.append("undecodable \(raw.data)")
        }
    }
    return seen
}

func typedRecords(_ chunks: [String]) async throws -> [String] {
    var seen: [String] = []
    for try await record in TypedRecordSequence<Progress, AsyncStream<[UInt8]>>(stream(chunks)) {
        switch record {
        case .value(let progress): seen.append("value \(progress.done)")
        case .undecodable(let text, _): seen.append("undecodable \(text)")
        }
    }
    return seen
}

print("typed events", try await typedEvents())
print("JSON Lines", try await typedRecords(["{\"done\": 1}\n{\"do", "ne\": 2}\r\n\n", "oops\n", "{\"done\": 3}"]))
print("JSON text sequence", try await typedRecords(["\u{1E}{\"done\": 1}\n\u{1E}{\"done\": 2}\n"]))

func bodies() async throws -> [String] {
    var seen: [String] = []
    let streamed = HTTPBody(chunks: stream(["ab", "cd", "e"]))
    seen.append("collected " + String(decoding: try await streamed.collect(upTo: 5), as: UTF8.self))
    do {
        _ = try await streamed.collect(upTo: 5)
        seen.append("read twice")
    } catch let error as HTTPBodyError {
        seen.append("second pass: \(error)")
    }
    do {
        _ = try await HTTPBody(chunks: stream(["abc", "def"])).collect(upTo: 4)
    } catch let error as HTTPBodyError {
        seen.append("streamed past the limit: \(error)")
    }
    do {
        _ = try await HTTPBody(Data("abcdef".utf8)).collect(upTo: 4)
    } catch let error as HTTPBodyError {
        seen.append("known length past the limit: \(error)")
    }
    let memory = HTTPBody(Data("in memory".utf8))
    seen.append("in memory, twice: " + String(decoding: try await Data(collecting: memory, upTo: 100) + Data(collecting: memory, upTo: 100), as: UTF8.self))

    let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-body-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(repeating: 7, count: 150_000).write(to: file)
    let fromFile = try HTTPBody(contentsOf: file, chunkSize: 64 * 1024)
    var sizes: [Int] = []
    for try await chunk in fromFile { sizes.append(chunk.count) }
    seen.append("file length \(fromFile.length ?? -1), chunks \(sizes), again \(try await fromFile.collect(upTo: 150_000).count)")
    return seen
}

print("bodies", try await bodies())
