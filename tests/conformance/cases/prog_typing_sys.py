# An ordinary program of the kind issue 14 lists, run unchanged.
from typing import List, Dict, Optional, Callable
import sys
def total(xs: List[int], scale: Optional[float] = None) -> float:
    return sum(xs) * (scale or 1)
print(total([1, 2, 3]), total.__annotations__ if False else "", sys.version_info >= (3, 8), sys.argv[0].endswith("p2.py"))
x: Dict[str, int] = {"a": 1}
print(x, isinstance(3, (int, float)), type(None).__name__)
