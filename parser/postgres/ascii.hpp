#pragma once
// `s` with ASCII letters lowered (PostgreSQL's downcasing of keywords and option names:
// DefElem names, LANGUAGE, access methods).
#include <cctype>
#include <string>

namespace schemerge::parser::postgres {

[[nodiscard]] inline std::string lower(std::string s) {
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

}  // namespace schemerge::parser::postgres
