"""Test harness (DESIGN §9): real nats-server and real databases, never mocks of them."""
