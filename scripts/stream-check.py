#!/usr/bin/env python3
"""Reads pistream's /stream WebSocket on 127.0.0.1 for a few seconds and saves the video it sends.

Checks the 8-byte header (b"jsmp", width and height as big-endian uint16), then writes every following
binary message (MPEG-TS) to --out for ffprobe to decode. Standard library only: a minimal RFC 6455 client.
Reads for --seconds, and on (up to --max-seconds) until --min-messages arrived: a slow machine gets more time.
Exit 0 when the header matched and --min-messages video messages arrived; 1 otherwise (the reason on stderr).

Usage: stream-check.py --port P [--path /stream] [--seconds 3] [--min-messages 1] [--max-seconds 30]
                       [--width 640 --height 480] --out FILE
"""
import argparse
import base64
import hashlib
import os
import socket
import struct
import sys
import time

HOST = "127.0.0.1"  # never anywhere else
ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class StreamError(Exception):
    pass


def read_exactly(sock, count):
    data = bytearray()
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise StreamError(f"connection closed after {len(data)} of {count} bytes")
        data += chunk
    return bytes(data)


def handshake(sock, port, path):
    key = base64.b64encode(os.urandom(16)).decode("ascii")
    request = (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {HOST}:{port}\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n"
    )
    sock.sendall(request.encode("ascii"))
    response = bytearray()
    while b"\r\n\r\n" not in response:
        chunk = sock.recv(1)
        if not chunk:
            raise StreamError("connection closed during the WebSocket handshake")
        response += chunk
        if len(response) > 16384:
            raise StreamError("handshake response too long")
    lines = response.decode("latin-1").split("\r\n")
    if not lines[0].startswith("HTTP/1.1 101"):
        raise StreamError(f"handshake refused: {lines[0]!r}")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    expected = base64.b64encode(hashlib.sha1((key + ACCEPT_GUID).encode("ascii")).digest()).decode("ascii")
    if headers.get("sec-websocket-accept") != expected:
        raise StreamError("wrong Sec-WebSocket-Accept in the handshake response")


def send_frame(sock, opcode, payload=b""):
    """Client frames are always masked (RFC 6455 5.3); payloads here are control frames, under 126 bytes."""
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    sock.sendall(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked)


def read_message(sock):
    """Returns (opcode, payload) of the next whole data message; answers pings on the way."""
    message = bytearray()
    message_opcode = None
    while True:
        first, second = read_exactly(sock, 2)
        fin, opcode = first & 0x80, first & 0x0F
        length = second & 0x7F
        if length == 126:
            length = struct.unpack(">H", read_exactly(sock, 2))[0]
        elif length == 127:
            length = struct.unpack(">Q", read_exactly(sock, 8))[0]
        mask = read_exactly(sock, 4) if second & 0x80 else None
        payload = read_exactly(sock, length)
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        if opcode == 0x9:  # ping
            send_frame(sock, 0xA, payload)
            continue
        if opcode == 0xA:  # pong
            continue
        if opcode == 0x8:  # close
            code = struct.unpack(">H", payload[:2])[0] if len(payload) >= 2 else None
            raise StreamError(f"server closed the stream (code {code}, {payload[2:].decode('utf-8', 'replace')!r})")
        if opcode != 0x0:
            message_opcode = opcode
        message += payload
        if fin:
            return message_opcode, bytes(message)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/stream")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--min-messages", type=int, default=1)
    parser.add_argument("--max-seconds", type=float, default=30.0)
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=480)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    try:
        with socket.create_connection((HOST, args.port), timeout=15) as sock:
            handshake(sock, args.port, args.path)
            opcode, header = read_message(sock)
            expected = b"jsmp" + struct.pack(">HH", args.width, args.height)
            if opcode != 0x2 or header != expected:
                raise StreamError(f"first message should be the 8-byte header {expected.hex(' ')}, got {header[:16].hex(' ')} (opcode {opcode})")
            messages = 0
            total = 0
            start = time.monotonic()
            with open(args.out, "wb") as out:
                while True:
                    elapsed = time.monotonic() - start
                    if elapsed >= args.max_seconds or (elapsed >= args.seconds and messages >= args.min_messages):
                        break
                    opcode, payload = read_message(sock)
                    if opcode != 0x2:
                        raise StreamError(f"expected binary video messages, got opcode {opcode}")
                    out.write(payload)
                    messages += 1
                    total += len(payload)
            try:
                send_frame(sock, 0x8, struct.pack(">H", 1000))
            except OSError:
                pass
    except (StreamError, OSError) as error:
        print(f"stream-check: {error}", file=sys.stderr)
        return 1

    elapsed = time.monotonic() - start
    if messages < args.min_messages:
        print(f"stream-check: {messages} video messages after the header in {elapsed:.1f} s, expected {args.min_messages}", file=sys.stderr)
        return 1
    print(f"stream-check: header ok ({args.width}x{args.height}), {messages} messages, {total} bytes in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
