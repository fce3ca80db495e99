// The Output window: timestamps on the simulated clock, and what a click on a line does.
#include <doctest/doctest.h>

#include <string>

#include "ui/output_model.h"

using namespace ui;

TEST_CASE("output timestamps: seconds to the microsecond, in one column") {
    char buf[32];
    CHECK(std::string(FormatOutputTimestamp(buf, sizeof buf, 0)) == "   0.000000 s");
    CHECK(std::string(FormatOutputTimestamp(buf, sizeof buf, 1'250'000'999)) == "   1.250000 s");
    CHECK(std::string(FormatOutputTimestamp(buf, sizeof buf, 12 * machine::kSecond + 7 * machine::kMicrosecond)) ==
          "  12.000007 s");
}

TEST_CASE("clicking an output line selects its thread and asks the timeline for its moment") {
    lab::OutputLineView line;
    line.thread = 3;
    line.time = 2 * machine::kSecond;
    LabSelection sel;
    sel.heap_object = 7;
    SelectOutputLine(line, sel);
    CHECK(sel.thread == 3);
    CHECK(sel.timeline_time == 2 * machine::kSecond);
    CHECK(sel.heap_object == 7);

    CHECK(OutputLineShown(line, machine::kNoThread));
    CHECK(OutputLineShown(line, 3));
    CHECK_FALSE(OutputLineShown(line, 1));
}
