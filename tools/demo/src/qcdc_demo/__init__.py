"""The demo city: months of realistic history driven through the wards' own HTTP APIs under
the shared development clock (``qcdc demo``; ``qcdc run`` builds it on a first start)."""
