"""QCDC shared infrastructure. Never a service's domain: only what every service needs alike."""
