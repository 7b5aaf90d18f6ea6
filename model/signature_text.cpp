#include "model/signature_text.hpp"

namespace schemerge::model {

std::string signature_type_text(const TypeRef& type) {
    std::string out = type.name.to_string();
    for (int k = 0; k < type.array_dims; ++k) {
        out += "[]";
    }
    return out;
}

TypeRef signature_type(std::string text) {
    TypeRef t;
    while (text.ends_with("[]")) {
        text.resize(text.size() - 2);
        ++t.array_dims;
    }
    auto dot = text.find('.');
    t.name = dot == std::string::npos ? QualifiedName{"", text} : QualifiedName{text.substr(0, dot), text.substr(dot + 1)};
    return t;
}

std::vector<std::string> signature_types(const std::string& text) {
    std::vector<std::string> out;
    auto open = text.rfind('(');
    auto close = text.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) {
        return out;
    }
    std::string inner = text.substr(open + 1, close - open - 1);
    if (inner.empty()) {
        return out;
    }
    std::size_t start = 0;
    while (true) {
        std::size_t comma = inner.find(", ", start);
        out.push_back(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 2;
    }
    return out;
}

}  // namespace schemerge::model
