/* The notice board's "verify" button: re-check a posting's ledger proof in the browser.
   The portal only relays two documents of the ward's publicity service: the posting's proof
   (GET /postings/{id}/proof) and the ledger's head (GET /ledger/head). Every hash is computed
   here, with Web Crypto (crypto.subtle.digest), so the check does not trust the server that
   sent the page:
     posting    the proof is of this posting (its id);
     title      the recorded version carries the title the page shows;
     canonical  the hashed text is exactly the RFC 8785 (JCS) JSON of the version's document;
     entry      SHA-256(previous_hash bytes || UTF-8 canonical) is the entry's hash;
     chain      every later entry chains from the one before and re-hashes to its own hash;
     head       the last hash is the proof's head;
     ward_head  that head is the ward's current head, read separately.
   Without JavaScript the button stays a link to the proof JSON. Every word shown comes from
   the page (#verify-texts data-*), so this file has no language. The same steps, in Python,
   are qcdc_gateway.portal.ledger_proof; the tests run this file's check() under node. */
(function (root) {
  "use strict";

  var CHECKS = ["posting", "title", "canonical", "entry", "chain", "head", "ward_head"];

  // RFC 8785: ECMAScript serialisation of scalars, object keys sorted by UTF-16 code units
  // (what Array.prototype.sort does with strings), no whitespace.
  function canonical(value) {
    if (value === null || typeof value === "boolean" || typeof value === "string") {
      return JSON.stringify(value);
    }
    if (typeof value === "number") {
      if (!isFinite(value)) throw new Error("JCS has no NaN or infinity");
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
      return "[" + value.map(canonical).join(",") + "]";
    }
    if (typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (key) {
        return JSON.stringify(key) + ":" + canonical(value[key]);
      }).join(",") + "}";
    }
    throw new Error("not JSON: " + typeof value);
  }

  function hexBytes(hex) {
    if (typeof hex !== "string" || !/^([0-9a-f]{2})*$/.test(hex)) throw new Error("not hex");
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    return bytes;
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // hash_n = SHA-256(bytes.fromhex(hash_{n-1}) || UTF-8(canonical_n)), as the ward's ledger.
  async function entryHash(subtle, previous, text) {
    var prefix = hexBytes(previous);
    var body = new TextEncoder().encode(text);
    var joined = new Uint8Array(prefix.length + body.length);
    joined.set(prefix, 0);
    joined.set(body, prefix.length);
    return hex(await subtle.digest("SHA-256", joined));
  }

  async function safeHash(subtle, previous, text) {
    try {
      return await entryHash(subtle, String(previous), String(text));
    } catch (error) {
      return null;
    }
  }

  // Every check, in order: [{name, ok, detail}]; the proof verifies when all are ok.
  async function check(proof, head, expected, subtle) {
    var documentOf = proof.document || {};
    var checks = [];
    checks.push({
      name: "posting",
      ok: documentOf.posting_id === expected.postingId && proof.posting_id === expected.postingId,
      detail: ""
    });
    checks.push({
      name: "title",
      ok: expected.title === null || expected.title === undefined ||
        documentOf.title === expected.title,
      detail: ""
    });
    var same;
    try {
      same = canonical(documentOf) === proof.canonical;
    } catch (error) {
      same = false;
    }
    checks.push({ name: "canonical", ok: same, detail: "" });
    var digest = await safeHash(subtle, proof.previous_hash, proof.canonical);
    checks.push({
      name: "entry", ok: digest !== null && digest === proof.hash, detail: "#" + proof.sequence
    });
    var chained = digest !== null;
    var sequence = proof.sequence;
    var later = proof.later || [];
    for (var i = 0; i < later.length && chained; i += 1) {
      var entry = later[i];
      if (entry.previous_hash !== digest || entry.canonical === null ||
          entry.canonical === undefined || typeof sequence !== "number" ||
          entry.sequence !== sequence + 1) {
        chained = false;
        break;
      }
      digest = await safeHash(subtle, digest, entry.canonical);
      sequence = entry.sequence;
      if (digest === null || digest !== entry.hash) chained = false;
    }
    checks.push({ name: "chain", ok: chained, detail: String(later.length) });
    var claimed = proof.head || {};
    checks.push({
      name: "head",
      ok: chained && digest === claimed.hash && sequence === claimed.sequence,
      detail: "#" + claimed.sequence
    });
    checks.push({
      name: "ward_head",
      ok: head.hash === claimed.hash && head.sequence === claimed.sequence,
      detail: "#" + head.sequence
    });
    return checks;
  }

  var api = { CHECKS: CHECKS, canonical: canonical, entryHash: entryHash, check: check };
  if (typeof module === "object" && module.exports) {
    module.exports = api; // node, for the tests
    return;
  }
  root.QcdcVerify = api;

  // --- the page -------------------------------------------------------------------------

  function getJson(url) {
    return fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" })
      .then(function (reply) {
        if (!reply.ok) throw new Error(String(reply.status));
        return reply.json();
      });
  }

  async function run(link, texts, region, button) {
    var item = link.closest(".portal-posting");
    var heading = item ? item.querySelector("h3") : null;
    var expected = {
      postingId: link.getAttribute("data-verify"),
      title: heading ? heading.textContent.trim() : null
    };
    region.textContent = texts.getAttribute("data-working");
    button.disabled = true;
    try {
      var proof = await getJson(link.href);
      var head = await getJson(texts.getAttribute("data-head"));
      if (head.sequence > proof.head.sequence) {
        // A posting was recorded between the two reads: read the proof up to the new head.
        proof = await getJson(link.href);
      }
      var checks = await check(proof, head, expected, root.crypto.subtle);
      show(region, texts, checks, proof);
    } catch (error) {
      region.textContent = texts.getAttribute("data-unreachable");
    } finally {
      button.disabled = false;
    }
  }

  function show(region, texts, checks, proof) {
    var ok = checks.every(function (c) { return c.ok; });
    region.textContent = "";
    var verdict = document.createElement("p");
    verdict.className = ok ? "verify-ok" : "verify-failed";
    verdict.textContent = (texts.getAttribute(ok ? "data-ok" : "data-failed") || "")
      .replace("{sequence}", String(proof.sequence))
      .replace("{head}", String(proof.head && proof.head.sequence));
    region.appendChild(verdict);
    var list = document.createElement("ul");
    checks.forEach(function (c) {
      var line = document.createElement("li");
      var mark = texts.getAttribute(c.ok ? "data-passed" : "data-not-passed") || "";
      line.textContent = mark + " " + (texts.getAttribute("data-check-" + c.name) || c.name) +
        (c.detail ? " (" + c.detail + ")" : "");
      list.appendChild(line);
    });
    region.appendChild(list);
    var hash = document.createElement("p");
    hash.className = "note verify-hash";
    hash.textContent = (texts.getAttribute("data-hash") || "") + " " + String(proof.hash);
    region.appendChild(hash);
  }

  function enhance() {
    var texts = document.getElementById("verify-texts");
    if (!texts || !root.crypto || !root.crypto.subtle || !root.fetch) return;
    var links = document.querySelectorAll("a[data-verify]");
    Array.prototype.forEach.call(links, function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "verify-button";
      button.textContent = link.textContent;
      var region = document.createElement("div");
      region.className = "verify-result";
      region.setAttribute("aria-live", "polite");
      link.parentNode.insertBefore(button, link);
      link.parentNode.appendChild(region);
      // The proof itself stays one click away, named for what it is now.
      link.textContent = texts.getAttribute("data-json") || link.textContent;
      link.classList.add("note");
      button.addEventListener("click", function () { run(link, texts, region, button); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})(typeof window !== "undefined" ? window : this);
