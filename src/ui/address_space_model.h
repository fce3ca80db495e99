// The Address space window's pure logic: a process's memory map, one band per region (text,
// data, heap, shared memory when the process holds some, one stack per thread) as wide as its
// share of the process's contents; who shares a Value, and what a thread's locals hold.
#pragma once
#include <cstdint>
#include <vector>

#include "lab/snapshot.h"

namespace ui {

enum class RegionKind : uint8_t { Text, Data, Heap, Stack, Shared };

// One band of the map. Weights are counts of what the panel lists below the map, so the bands
// show how much there is to read in each: instructions (text), global variables (data), heap
// bytes (heap, estimated by the engine), frames and their locals (a stack), the numbers of the
// multiprocessing Values and Arrays it holds (shared).
struct MemoryRegion {
    RegionKind kind = RegionKind::Text;
    machine::ThreadId thread = machine::kNoThread; // Stack: whose
    uint64_t weight = 0;
    float start = 0, end = 0;              // share of the map's width, 0..1
};

// A band never gets less than this share of the map, so an empty or tiny region still shows
// its label and can be clicked.
constexpr float kMinRegionShare = 0.06f;

// Weights of `process`'s regions in map order: text, data, heap, shared (only when it holds
// shared memory), then one stack per thread in ProcessView::threads order. Shares are left at 0
// (see LayoutMemoryMap).
void CollectMemoryRegions(const lab::LabSnapshot& snap, const lab::ProcessView& process,
                          std::vector<MemoryRegion>& regions);

// Give every region its [start, end): proportional to its weight, at least `min_share` each
// (when they all fit), covering 0..1 with no gap.
void LayoutMemoryMap(std::vector<MemoryRegion>& regions, float min_share);

const char* RegionName(RegionKind kind); // "text", "data", "heap", "stack", "shared", in the page's language

// The other processes whose heaps hold some of the same shared memory as `object` (a Value or
// Array of `process`): the ones that see what it writes.
std::vector<const lab::ProcessView*> ProcessesSharing(const lab::LabSnapshot& snap, const lab::ProcessView& process,
                                                      const lab::HeapObjectView& object);

// What `thread` has in the threading.locals of its process: one entry per local it set
// attributes of, in heap order.
struct ThreadLocalEntry {
    const lab::HeapObjectView* local = nullptr;
    const lab::ThreadLocalView* attributes = nullptr;
};
std::vector<ThreadLocalEntry> ThreadLocalsOf(const lab::ProcessView& process, int32_t thread);

} // namespace ui
