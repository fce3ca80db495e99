# An ordinary program of the kind issue 14 lists, run unchanged.
from enum import Enum, auto
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()
transitions = {State.IDLE: State.RUNNING, State.RUNNING: State.DONE}
s = State.IDLE
while s in transitions:
    print(s, "->", transitions[s])
    s = transitions[s]
print(s.name, s.value, list(State), State["RUNNING"], State(2))
print([m.name for m in State], len(State), State.DONE is State(3))
