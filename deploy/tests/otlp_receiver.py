"""A stand-in OpenTelemetry collector for the deployment test: OTLP/HTTP (protobuf) on port
4318, every span kept in memory and listed as JSON at ``GET /spans``.

The upstream collector's image needs a registry; this runs in the platform's own gateway image
(which carries opentelemetry-proto), started by testcontainers on the compose city's network,
so the services export to it exactly as they would to a collector.
"""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)

PORT = 4318
SPANS: list[dict[str, Any]] = []
LOCK = threading.Lock()


def _service_name(resource_spans: Any) -> str:
    for attribute in resource_spans.resource.attributes:
        if attribute.key == "service.name":
            return str(attribute.value.string_value)
    return ""


def spans_of(request: ExportTraceServiceRequest) -> list[dict[str, Any]]:
    found = []
    for resource_spans in request.resource_spans:
        service = _service_name(resource_spans)
        for scope in resource_spans.scope_spans:
            for span in scope.spans:
                found.append(
                    {
                        "service": service,
                        "name": span.name,
                        "kind": int(span.kind),
                        "trace_id": span.trace_id.hex(),
                        "span_id": span.span_id.hex(),
                        "parent_span_id": span.parent_span_id.hex(),
                        # Proto text of each value: enough to search for what must not
                        # be there (a petitioner's identity).
                        "attributes": {a.key: str(a.value) for a in span.attributes},
                        "links": [
                            {"trace_id": link.trace_id.hex(), "span_id": link.span_id.hex()}
                            for link in span.links
                        ],
                    }
                )
    return found


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # http.server's names
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        received = spans_of(ExportTraceServiceRequest.FromString(body))
        with LOCK:
            SPANS.extend(received)
        self._answer(ExportTraceServiceResponse().SerializeToString(), "application/x-protobuf")

    def do_GET(self) -> None:
        with LOCK:
            listed = json.dumps(SPANS).encode()
        self._answer(listed, "application/json")

    def _answer(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per export would drown the container's log


if __name__ == "__main__":
    print(f"otlp receiver on :{PORT}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", PORT), Receiver).serve_forever()
