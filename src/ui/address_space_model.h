// The Address space window's pure logic: a process's memory map, one band per region (text,
// data, heap, one stack per thread) as wide as its share of the process's contents.
#pragma once
#include <cstdint>
#include <vector>

#include "lab/snapshot.h"

namespace ui {

enum class RegionKind : uint8_t { Text, Data, Heap, Stack };

// One band of the map. Weights are counts of what the panel lists below the map, so the bands
// show how much there is to read in each: instructions (text), global variables (data), heap
// bytes (heap, estimated by the engine), frames and their locals (a stack).
struct MemoryRegion {
    RegionKind kind = RegionKind::Text;
    machine::ThreadId thread = machine::kNoThread; // Stack: whose
    uint64_t weight = 0;
    float start = 0, end = 0;              // share of the map's width, 0..1
};

// A band never gets less than this share of the map, so an empty or tiny region still shows
// its label and can be clicked.
constexpr float kMinRegionShare = 0.06f;

// Weights of `process`'s regions in map order: text, data, heap, then one stack per thread in
// ProcessView::threads order. Shares are left at 0 (see LayoutMemoryMap).
void CollectMemoryRegions(const lab::LabSnapshot& snap, const lab::ProcessView& process,
                          std::vector<MemoryRegion>& regions);

// Give every region its [start, end): proportional to its weight, at least `min_share` each
// (when they all fit), covering 0..1 with no gap.
void LayoutMemoryMap(std::vector<MemoryRegion>& regions, float min_share);

const char* RegionName(RegionKind kind); // "text", "data", "heap", "stack"

} // namespace ui
