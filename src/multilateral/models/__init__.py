"""Models: one module per theory, each a small frozen dataclass of the theory's parameters."""

from .conditional_cooperation import ConditionalCooperation, LinkageResult, linked_critical_discount

__all__ = ["ConditionalCooperation", "LinkageResult", "linked_critical_discount"]
