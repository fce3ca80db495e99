// Pickled: a Python value taken out of one process's heap so that another process can rebuild
// it in its own heap, as multiprocessing sends a Process object (its target and arguments) to
// the child. Data is copied (None, bool, int, float, str, tuple, list, dict, set, frozenset,
// instances of the program's own classes); functions and classes travel by name (module and
// name) and are looked up again in the receiving process, as pickle does. As pickle's memo
// does, an object reached twice is sent once: shared references and cycles stay so.
#pragma once
#include <set>
#include <string>
#include <vector>
#include "python/value.h"

namespace python {

struct Interpreter;

struct Pickled {
    enum class Kind : uint8_t { Scalar, Str, Tuple, List, Dict, Set, FrozenSet, Global, Instance, BoundMethod, Ref };
    Kind kind = Kind::Scalar;
    Value scalar;        // Scalar: None, bool, int or float. Ref: the int index of an object met
                         // before (objects are numbered in the order they are met; bound
                         // methods, made afresh on each access, are not numbered)
    std::string module;  // Global, Instance: where the function or class is defined
    std::string name;    // Str: the text; Global, Instance: the global's name; BoundMethod: the method's
    // Tuple, List, Set, FrozenSet: the items. Dict: keys and values alternately. Instance: the
    // attribute names (as Str) and values alternately. BoundMethod: self.
    std::vector<Pickled> items;
};

// Copies `v` out of `vm`. False, with a Python exception raised, for what cannot be sent: CPython's
// TypeError "cannot pickle 'X' object", a function that is not a module-level global, or
// nesting deeper than the recursion limit.
bool pickle(Interpreter& vm, Value v, Pickled& out);

// Rebuilds a pickled value in `vm`; Empty, with an exception raised, when a global it names is
// missing there.
Value unpickle(Interpreter& vm, const Pickled& p);

// The modules (other than __main__ and builtins) whose globals `p` names: the receiving process
// imports them before unpickling.
void pickled_modules(const Pickled& p, std::set<std::string>& modules);

} // namespace python
