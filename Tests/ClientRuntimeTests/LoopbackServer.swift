import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 and a random port, for `URLSessionTransport` tests:
/// one thread per connection, `Connection: close`, and these routes:
///
/// - `/redirect` and `/login` answer `303 See Other` with `Location: /target`;
/// - `/slow` waits `slowSeconds` before answering (while the client may give up);
/// - anything else echoes the request: its method, target, headers and body, as text.
final class LoopbackServer: @unchecked Sendable {
    let port: UInt16
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }
    private let listener: Int32
    private let slowSeconds: UInt32

    init(slowSeconds: UInt32 = 5) throws {
        self.slowSeconds = slowSeconds
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> Bool in
                bind(descriptor, address, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = descriptor
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    /// Stops accepting connections; those being answered finish on their own.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            #if canImport(Darwin)
            var noSignal: Int32 = 1
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &noSignal, socklen_t(MemoryLayout<Int32>.size))
            #endif
            Thread.detachNewThread { [self] in answer(connection) }
        }
    }

    private func answer(_ connection: Int32) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        let target = request.head.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        switch target {
        case "/redirect", "/login", "/login?flow=f1":
            write(connection, status: "303 See Other", headers: ["Location": "/target"], body: Data())
        case "/slow":
            sleep(slowSeconds)
            write(connection, status: "200 OK", headers: ["Content-Type": "text/plain"], body: Data("finally".utf8))
        default:
            var echo = Data((request.head + "\r\n\r\n").utf8)
            echo.append(request.body)
            write(connection, status: "200 OK", headers: ["Content-Type": "text/plain", "X-Echo": "yes"], body: echo)
        }
    }

    /// The request line and headers (without the blank line) and the body as `Content-Length` says.
    private func readRequest(_ connection: Int32) -> (head: String, body: Data)? {
        var received = Data()
        let separator = Data("\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.range(of: separator) == nil {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            received.append(contentsOf: buffer[0..<count])
        }
        guard let end = received.range(of: separator) else { return nil }
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
        var body = Data(received[end.upperBound...])
        let length = head.split(separator: "\r\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while body.count < length {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return (head, body)
    }

    private func write(_ connection: Int32, status: String, headers: [String: String], body: Data) {
        var text = "HTTP/1.1 \(status)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            text += "\(name): \(value)\r\n"
        }
        var response = Data((text + "\r\n").utf8)
        response.append(body)
        response.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                // The client may have gone away (a cancelled or timed-out request): no SIGPIPE then.
                #if canImport(Glibc)
                let sent = send(connection, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = send(connection, base + offset, bytes.count - offset, 0)
                #endif
                guard sent > 0 else { return }
                offset += sent
            }
        }
    }
}
