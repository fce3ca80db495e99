// Pieces of the JSON that window.threadlab.state() returns.
#pragma once
#include <string>
#include <string_view>

namespace app {

// `text` as a JSON string, quotes included.
void AppendJsonString(std::string& out, std::string_view text);

} // namespace app
