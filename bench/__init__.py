"""The benchmark harness: Skylift against its peers on a loopback SeaweedFS (see README.md here)."""
