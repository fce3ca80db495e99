// Simulated time and the identifiers the machine hands out.
// Time is an int64 count of simulated nanoseconds since the run began: exact, and the same
// natively and in WebAssembly (no floating point on the clock).
#pragma once
#include <cstdint>
#include <limits>

namespace machine {

using SimTime = int64_t;

constexpr SimTime kNanosecond = 1;
constexpr SimTime kMicrosecond = 1000;
constexpr SimTime kMillisecond = 1000 * kMicrosecond;
constexpr SimTime kSecond = 1000 * kMillisecond;
// "Never": a deadline that is not set, a wait without timeout.
constexpr SimTime kNever = std::numeric_limits<SimTime>::max();

// Plain indices into the machine's tables; -1 means "none".
using ThreadId = int32_t;
using ProcessId = int32_t;
using CpuId = int32_t;
using SyncId = int32_t;
constexpr ThreadId kNoThread = -1;
constexpr CpuId kNoCpu = -1;
constexpr SyncId kNoSync = -1;

} // namespace machine
