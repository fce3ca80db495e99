#include "app/state_json.h"

#include <cstdio>

namespace app {

void AppendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if ((unsigned char)c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void AppendAddressMapJson(std::string& out, const ui::AddressSpaceWindowState& state) {
    out += '[';
    char buf[96];
    for (size_t i = 0; i < state.bands_drawn.size(); ++i) {
        const ui::AddressSpaceWindowState::BandDrawn& band = state.bands_drawn[i];
        out += i ? ",{\"text\":" : "{\"text\":";
        AppendJsonString(out, band.text);
        std::snprintf(buf, sizeof buf, ",\"band\":%.1f,\"textWidth\":%.1f,\"legend\":%s}", band.band_width,
                      band.text_width, band.in_legend ? "true" : "false");
        out += buf;
    }
    out += ']';
}

void AppendDrawnOutputJson(std::string& out, const ui::DrawnOutput& drawn) {
    out += '[';
    char buf[64];
    for (size_t i = 0; i < drawn.lines.size(); ++i) {
        const ui::DrawnOutputLine& line = drawn.lines[i];
        out += i ? ",{\"text\":" : "{\"text\":";
        AppendJsonString(out, line.text);
        // ImGui packs colours as 0xAABBGGRR.
        std::snprintf(buf, sizeof buf, ",\"look\":\"%s\",\"color\":\"#%02x%02x%02x\"}", ui::OutputLookName(line.look),
                      line.color & 0xffu, (line.color >> 8) & 0xffu, (line.color >> 16) & 0xffu);
        out += buf;
    }
    out += ']';
}

} // namespace app
