// The Address space window's memory map: what each band weighs and how wide it is drawn.
#include <doctest/doctest.h>

#include <vector>

#include "ui/address_space_model.h"

using namespace ui;

namespace {

float Width(const MemoryRegion& region) { return region.end - region.start; }

std::vector<MemoryRegion> Weighted(std::initializer_list<uint64_t> weights) {
    std::vector<MemoryRegion> regions;
    for (uint64_t w : weights)
        regions.push_back({RegionKind::Heap, machine::kNoThread, w});
    return regions;
}

} // namespace

TEST_CASE("memory map: regions counted from the process, stacks in thread order") {
    lab::LabSnapshot snap;
    lab::ProcessView process;
    lab::CodeView code;
    code.instructions.resize(30);
    process.codes.push_back(code);
    process.codes.push_back(code);
    process.globals.resize(4);
    process.heap.resize(2);
    process.heap[0].size_bytes = 100;
    process.heap[1].size_bytes = 28;
    process.threads = {1, 0};
    snap.threads.resize(2);
    snap.threads[0].id = 0;
    snap.threads[0].frames.resize(2);
    snap.threads[0].frames[1].locals.resize(3);
    snap.threads[1].id = 1;

    std::vector<MemoryRegion> regions;
    CollectMemoryRegions(snap, process, regions);
    REQUIRE(regions.size() == 5);
    CHECK(regions[0].kind == RegionKind::Text);
    CHECK(regions[0].weight == 60);
    CHECK(regions[1].kind == RegionKind::Data);
    CHECK(regions[1].weight == 4);
    CHECK(regions[2].weight == 128);
    CHECK(regions[3].kind == RegionKind::Stack);
    CHECK(regions[3].thread == 1);
    CHECK(regions[3].weight == 0);
    CHECK(regions[4].thread == 0);
    CHECK(regions[4].weight == 5); // two frames, three locals
}

TEST_CASE("memory map: widths proportional to weights, contiguous from 0 to 1") {
    auto regions = Weighted({100, 300, 600});
    LayoutMemoryMap(regions, 0.05f);
    CHECK(regions[0].start == 0.0f);
    CHECK(Width(regions[0]) == doctest::Approx(0.1));
    CHECK(Width(regions[1]) == doctest::Approx(0.3));
    CHECK(Width(regions[2]) == doctest::Approx(0.6));
    CHECK(regions[1].start == regions[0].end);
    CHECK(regions[2].start == regions[1].end);
    CHECK(regions[2].end == 1.0f);
}

TEST_CASE("memory map: tiny and empty regions keep the minimum width, the rest share by weight") {
    auto regions = Weighted({0, 1, 1000, 3000});
    LayoutMemoryMap(regions, 0.1f);
    CHECK(Width(regions[0]) == doctest::Approx(0.1));
    CHECK(Width(regions[1]) == doctest::Approx(0.1));
    CHECK(Width(regions[2]) == doctest::Approx(0.2));
    CHECK(Width(regions[3]) == doctest::Approx(0.6));
    CHECK(regions[3].end == 1.0f);
}

TEST_CASE("memory map: all empty gives equal bands; too many for the minimum share it evenly") {
    auto empty = Weighted({0, 0, 0, 0});
    LayoutMemoryMap(empty, 0.06f);
    for (const MemoryRegion& r : empty)
        CHECK(Width(r) == doctest::Approx(0.25));

    std::vector<MemoryRegion> many(40, MemoryRegion{RegionKind::Stack, 0, 1});
    many[0].weight = 1000;
    LayoutMemoryMap(many, 0.06f);
    for (const MemoryRegion& r : many)
        CHECK(Width(r) == doctest::Approx(1.0 / 40));
}
