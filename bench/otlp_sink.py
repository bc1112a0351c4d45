#!/usr/bin/env python3
"""A stand-in OTLP/HTTP collector for bench/tracing.sh: answers every POST (/v1/traces) with
200 and an empty protobuf body (a valid, empty ExportTraceServiceResponse), and counts the
requests and bytes received. GET /count answers "<posts> <bytes>".
Usage: otlp_sink.py PORT"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

posts = 0
received = 0


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        global posts, received
        n = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(n)
        posts += 1
        received += n
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        body = f"{posts} {received}\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
