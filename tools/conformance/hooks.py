"""schemathesis hooks of the conformance step (loaded through SCHEMATHESIS_HOOKS by the test).

An Idempotency-Key names one logical request: the same key with another body is refused (422
idempotency_key_reused, API.md §3), by design. The fuzzer draws keys from a small space and sends the
same ones with many bodies, so every well-formed key is made unique per request before it is sent.
Malformed keys (empty, too long, not visible ASCII) are left as generated: their 400 is what is tested.
"""

import re
import uuid

import schemathesis

WELL_FORMED_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    headers = case.headers or {}
    for name, value in headers.items():
        if name.lower() == "idempotency-key" and isinstance(value, str) and WELL_FORMED_KEY.match(value):
            headers[name] = f"conformance-{uuid.uuid4().hex}"
