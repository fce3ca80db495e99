// A deliberately wrong include, for the layer check's own test: the machine must know nothing
// of the Python runtime above it.
#pragma once
#include "python/interpreter.h"
