from tests.conftest import SERVICE

__all__ = ["SERVICE"]
