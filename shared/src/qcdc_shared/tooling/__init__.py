"""What developers and operators run rather than what a service runs: the ``qcdc`` command and
its launcher, a local ``nats-server``, and the contract generator with its schema checks."""
