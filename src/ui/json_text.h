// The windows' parts of window.threadlab.state() are JSON: a piece of text in it, escaped.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ui {

// `text` as a JSON string, quotes included; control characters are left out.
inline void AppendJsonText(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (uint8_t(c) < 0x20)
            continue;
        out += c;
    }
    out += '"';
}

} // namespace ui
