# A dataclass under `from __future__ import annotations`: the annotations stay text (never
# evaluated, so a name defined later is fine), and the fields, ClassVar and InitVar still count.
from __future__ import annotations
from dataclasses import dataclass, field, fields, InitVar
from typing import ClassVar, Optional


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list[Transfer] = field(default_factory=list)
    bank: ClassVar[str] = "Threadlab"
    opening: InitVar[Optional[float]] = None

    def __post_init__(self, opening):
        if opening:
            self.balance += opening


@dataclass
class Transfer:
    amount: float


a = Account("ann", opening=5.0)
a.history.append(Transfer(2.5))
print(a, Account.bank)
print([(f.name, f.type) for f in fields(Account)])
print(Account.__annotations__)
