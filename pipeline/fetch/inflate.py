"""gzip response bodies inflated in bounded steps, so a gzip bomb stops at the byte limit."""

from __future__ import annotations

import zlib

from pipeline.fetch.response import Retryable


class Overflow(Exception):
    """More than the limit inflated: the body is refused, whatever its size on the wire."""


class Inflater:
    """gzip decoding that never holds more than limit + 1 inflated bytes (a bomb stops there)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.out = bytearray()
        self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._fed = False
        self._trailing = False  # zero padding after the last member

    def feed(self, data: bytes) -> None:
        self._fed = self._fed or bool(data)
        while data:
            if self._trailing:
                if data.strip(b"\x00"):
                    raise Retryable("corrupt gzip body (data after the end of the stream)")
                return
            if self._d.eof:
                if data[0] == 0x1F:
                    self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)  # another gzip member
                elif not data.strip(b"\x00"):
                    self._trailing = True  # some servers pad a gzip body with zeros
                    return
                else:
                    raise Retryable("corrupt gzip body (data after the end of the stream)")
            try:
                piece = self._d.decompress(data, self.limit + 1 - len(self.out))
            except zlib.error as exc:
                raise Retryable(f"corrupt gzip body ({exc})") from exc
            self.out += piece
            if len(self.out) > self.limit:
                raise Overflow()
            # Input left over is either held back by max_length (only when the limit is passed, above)
            # or follows the end of this member.
            data = self._d.unused_data if self._d.eof else self._d.unconsumed_tail

    def finish(self) -> bytes:
        if self._fed and not self._d.eof and not self._trailing:
            raise Retryable("corrupt gzip body (the stream ends early)")
        return bytes(self.out)
