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
    GET  /blobs/NAME?size=N   N bytes (0, 1, … 255, 0, 1, …) with a Content-Length, at most about
                     200 MiB/s; 404 for `missing`. The pace stands for a fast network: FoundationNetworking
                     cannot pause a transfer, so a URLSession client buffers what arrives faster than
                     its reader takes it, and over unpaced loopback that depends on the machine's load
    POST /chat       {"text": …} answered as JSON (the text upper-cased), or as one event per word
                     then [DONE] when Accept starts with text/event-stream or the prompt says "stream"
    POST /albums     multipart/form-data (Content-Length or chunked): answers each part's name,
                     filename, Content-Type and size
    PUT  /blobs/NAME, /images/NAME   reads the body as it comes (Content-Length or chunked) and
                     answers {"bytes": count, "contentType": its Content-Type}
"""

import hashlib
import http.server
import json
import sys
import threading
import time
import urllib.parse

# One mebibyte of the byte pattern /blobs sends: 0, 1, … 255 over and over.
PATTERN = bytes(range(256)) * 4096

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
        elif self.path.startswith("/blobs/"):
            self.send_blob()
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

    def upload(self):
        length = self.headers.get("Content-Length")
        if length is not None:
            body = self.rfile.read(int(length))
        elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = self.read_chunked()
        else:
            body = b""
        digest = hashlib.sha256(body).hexdigest()[:16]
        self.answer(200, "text/plain", "%d bytes sha256 %s" % (len(body), digest))

    def do_PUT(self):
        if self.path.startswith("/blobs/") or self.path.startswith("/images/"):
            self.receive_body()
        else:
            self.answer(404, "text/plain", "no such path")

    def send_blob(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/blobs/missing":
            self.answer(404, "application/json", json.dumps({"message": "no such blob"}))
            return
        size = int(urllib.parse.parse_qs(url.query)["size"][0])
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        left = size
        try:
            while left > 0:
                block = PATTERN[: min(left, len(PATTERN))]
                self.wfile.write(block)
                left -= len(block)
                time.sleep(0.005)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def receive_body(self):
        count = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                count += self.drain(size)
                self.rfile.readline()
        else:
            count = self.drain(int(self.headers.get("Content-Length", "0")))
        receipt = {"bytes": count, "contentType": self.headers.get("Content-Type", "")}
        self.answer(200, "application/json", json.dumps(receipt))

    def drain(self, size):
        """Reads and drops `size` bytes, a mebibyte at a time; returns how many came."""
        count = 0
        while count < size:
            block = self.rfile.read(min(size - count, 1 << 20))
            if not block:
                break
            count += len(block)
        return count

    def chat(self):
        prompt = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        accept = self.headers.get("Accept", "")
        if prompt.get("stream") or accept.startswith("text/event-stream"):
            self.start(200, "text/event-stream")
            for word in prompt["text"].split():
                self.write("data: %s\n\n" % json.dumps({"text": word}))
            self.write("data: [DONE]\n\n")
        else:
            self.answer(200, "application/json", json.dumps({"text": prompt["text"].upper()}))

    def album(self):
        """Splits a multipart/form-data body at its boundary and describes each part."""
        boundary = self.headers["Content-Type"].split("boundary=", 1)[1].encode("utf-8")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = self.read_chunked()
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        parts = []
        for chunk in body.split(b"--" + boundary)[1:]:
            if chunk.startswith(b"--"):
                break
            head, _, content = chunk[2:].partition(b"\r\n\r\n")
            fields = {}
            for line in head.decode("utf-8").split("\r\n"):
                key, _, value = line.partition(": ")
                fields[key.lower()] = value
            disposition = dict(
                item.strip().split("=", 1) for item in fields["content-disposition"].split(";")[1:]
            )
            part = {"name": disposition["name"].strip('"'), "bytes": len(content) - 2}
            if "filename" in disposition:
                part["filename"] = disposition["filename"].strip('"')
            if "content-type" in fields:
                part["contentType"] = fields["content-type"]
            others = {k: v for k, v in fields.items() if k not in ("content-disposition", "content-type")}
            if others:
                part["headers"] = others
            parts.append(part)
        self.answer(200, "application/json", json.dumps(parts))

    def do_POST(self):
        if self.path == "/upload":
            self.upload()
        elif self.path == "/chat":
            self.chat()
        elif self.path == "/albums":
            self.album()
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
