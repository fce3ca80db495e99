// Base64url (RFC 4648 section 5) without padding: the permalink's program blob, which must survive
// URLs and chat apps, so only A-Z a-z 0-9 - _ appear.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace config {

std::string base64url_encode(std::span<const uint8_t> bytes);
// Strict: nullopt for any other character, padding, a length that no encoding has, or non-zero
// unused bits in the last character (a text that no encoder produces).
std::optional<std::vector<uint8_t>> base64url_decode(std::string_view text);

} // namespace config
