"""The post check's analyzers, one module per category; importing this package registers them all."""

from loket.guidance.analyzers import (  # noqa: F401 - imported to register
    confidential,
    personal_data,
    political,
    press,
    respect,
    speaking,
    working_hours,
)
