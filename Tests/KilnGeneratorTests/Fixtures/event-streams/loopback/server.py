#!/usr/bin/env python3
"""The loopback server StreamingClientTests drives the generated event-streams client against.

Prints the port it listens on (127.0.0.1) as its first line, then serves until its stdin closes.

    GET  /events     an event, then nothing until POST /__release (at most 10 s), then the rest
    POST /__release  lets /events go on; answers `early` when /events was still waiting, else `late`
    GET  /ticks      an event every 20 ms until the client's connection goes away (at most 10 s)
    GET  /__status   {"ticksClosed": true} once /ticks saw its connection closed
    POST /__reset    forgets that /ticks saw its connection closed
    GET  /failing    503 with a JSON problem
    GET  /records    JSON Lines, a record split across two writes
    GET  /messages   events without a documented schema
    GET  /slow       answers after 3 s, so that a client can cancel before the status arrives
    POST /upload     reads the body (Content-Length or chunked) and answers its size and SHA-256
"""

import hashlib
import http.server
import json
import sys
import threading
import time

released = threading.Event()
ticks_closed = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def start(self, status, content_type, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()

    def write(self, text):
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    def do_GET(self):
        if self.path == "/events":
            self.start(200, "text/event-stream", [("X-Stream-Id", "s1")])
            self.write(": the first event comes alone\n\nid: 1\nretry: 1500\ndata: {\"done\": 1}\n\n")
            released.wait(10)
            self.write("event: note\ndata: line one\r\ndata: line two\n\n")
            self.write("data: {\"do")
            self.write("ne\": 2}\r\n\r\n")
            self.write("data: [DONE]\n\ndata: {\"done\": 99}\n\n")
        elif self.path == "/ticks":
            self.start(200, "text/event-stream")
            deadline = time.monotonic() + 10
            count = 0
            try:
                while time.monotonic() < deadline:
                    count += 1
                    self.write("data: {\"done\": %d}\n\n" % count)
                    time.sleep(0.02)
            except (BrokenPipeError, ConnectionResetError):
                ticks_closed.set()
        elif self.path == "/__status":
            self.answer(200, "application/json", json.dumps({"ticksClosed": ticks_closed.is_set()}))
        elif self.path == "/slow":
            time.sleep(3)
            try:
                self.answer(200, "text/plain", "late")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/failing":
            self.answer(503, "application/json", json.dumps({"message": "busy"}))
        elif self.path == "/records":
            self.start(200, "application/x-ndjson")
            self.write("{\"done\": 1}\n{\"do")
            self.write("ne\": 2}\nnot json\n{\"done\": 3}")
        elif self.path == "/messages":
            self.start(200, "text/event-stream")
            self.write("data: {\"any\": [1, 2]}\n\ndata: [DONE]\n\n")
        else:
            self.answer(404, "text/plain", "no such path")

    def read_chunked(self):
        body = bytearray()
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip(), 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return bytes(body)
            body += self.rfile.read(size)
            self.rfile.readline()

    def do_POST(self):
        if self.path == "/upload":
            length = self.headers.get("Content-Length")
            if length is not None:
                body = self.rfile.read(int(length))
            elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                body = self.read_chunked()
            else:
                body = b""
            digest = hashlib.sha256(body).hexdigest()[:16]
            self.answer(200, "text/plain", "%d bytes sha256 %s" % (len(body), digest))
        elif self.path == "/__reset":
            ticks_closed.clear()
            self.answer(200, "text/plain", "reset")
        elif self.path == "/__release":
            early = not released.is_set()
            released.set()
            self.answer(200, "text/plain", "early" if early else "late")
        else:
            self.answer(404, "text/plain", "no such path")

    def answer(self, status, content_type, text):
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
