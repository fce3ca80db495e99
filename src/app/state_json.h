// Pieces of the JSON that window.threadlab.state() returns.
#pragma once
#include <string>
#include <string_view>

#include "ui/lab_windows.h"

namespace app {

// `text` as a JSON string, quotes included.
void AppendJsonString(std::string& out, std::string_view text);

// The Address space map as last drawn, band by band:
// [{"text":"heap / 1664 bytes","band":px,"textWidth":px,"legend":false},…] ("" when only the
// legend names a band; "textWidth" is what its text needs, "band" what it has).
void AppendAddressMapJson(std::string& out, const ui::AddressSpaceWindowState& state);

// Output lines as last drawn: [{"text":…,"look":"stdout"|"stderr"|"error","color":"#rrggbb"},…].
void AppendDrawnOutputJson(std::string& out, const ui::DrawnOutput& drawn);

} // namespace app
