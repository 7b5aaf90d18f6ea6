// Which column type changes can lose data and which rebuild the table (MySQL 8.0
// Reference Manual 15.12.1 Online DDL Operations, "Column Operations"; MariaDB's
// ALTER TABLE ... ALGORITHM=INSTANT covers only widening a VARCHAR within its length
// bytes, the rest copies the table).
#include <array>
#include <string>

#include "synth/mysql/planner.hpp"

namespace schemerge::synth::mysql {

namespace {

struct Parsed {
    std::string base;   // "int", "varchar"
    bool unsigned_ = false;
    std::vector<long long> numbers;  // lengths / precision / scale
    std::vector<std::string> labels;  // enum / set values (quoted)
};

Parsed parse(const model::TypeRef& t) {
    Parsed p;
    const std::string& name = t.name.name;
    p.base = name.substr(0, name.find(' '));
    p.unsigned_ = name.find(" unsigned") != std::string::npos;
    if (p.base == "enum" || p.base == "set") {
        p.labels = t.modifiers;
    } else {
        for (const auto& m : t.modifiers) {
            try {
                p.numbers.push_back(std::stoll(m));
            } catch (...) {
                p.numbers.push_back(0);
            }
        }
    }
    return p;
}

int integer_rank(const std::string& base) {
    static constexpr std::array<std::string_view, 5> k = {"tinyint", "smallint", "mediumint", "int", "bigint"};
    for (std::size_t i = 0; i < k.size(); ++i) {
        if (base == k[i]) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// Bytes a TEXT / BLOB type holds (its family rank).
int lob_rank(const std::string& base) {
    if (base == "tinytext" || base == "tinyblob") return 0;
    if (base == "text" || base == "blob") return 1;
    if (base == "mediumtext" || base == "mediumblob") return 2;
    if (base == "longtext" || base == "longblob") return 3;
    return -1;
}

long long lob_bytes(int rank) {
    switch (rank) {
        case 0: return 255;
        case 1: return 65535;
        case 2: return 16777215;
        default: return 4294967295LL;
    }
}

bool is_char(const std::string& b) { return b == "char" || b == "varchar" || b == "binary" || b == "varbinary"; }
bool is_text_family(const std::string& b) { return b.find("text") != std::string::npos; }

}  // namespace

TypeChange classify_type_change(const model::TypeRef& from, const model::TypeRef& to) {
    TypeChange out;
    if (from == to) {
        return out;
    }
    Parsed a = parse(from);
    Parsed b = parse(to);
    out.rebuild = true;
    // VARCHAR widened: in place (MySQL: INPLACE while the length bytes stay; MariaDB copies
    // across the 255-byte boundary). Reported as no rebuild only below 256.
    if (a.base == "varchar" && b.base == "varchar" && !a.numbers.empty() && !b.numbers.empty()) {
        // Widening keeps the table while the length prefix stays one byte (up to 255 bytes,
        // counted here for a 4-byte character set, the worst case) or was two already.
        out.narrowing = b.numbers[0] < a.numbers[0];
        out.rebuild = out.narrowing || (a.numbers[0] * 4 <= 255 && b.numbers[0] * 4 > 255);
        return out;
    }
    int ia = integer_rank(a.base);
    int ib = integer_rank(b.base);
    if (ia >= 0 && ib >= 0) {
        out.narrowing = ib < ia || (a.unsigned_ != b.unsigned_ && !(ib > ia && !b.unsigned_));
        return out;
    }
    if (is_char(a.base) && is_char(b.base)) {
        long long la = a.numbers.empty() ? 1 : a.numbers[0];
        long long lb = b.numbers.empty() ? 1 : b.numbers[0];
        bool binary_a = a.base.find("binary") != std::string::npos;
        bool binary_b = b.base.find("binary") != std::string::npos;
        out.narrowing = lb < la || binary_a != binary_b;
        return out;
    }
    int la = lob_rank(a.base);
    int lb = lob_rank(b.base);
    if (la >= 0 && lb >= 0) {
        out.narrowing = lb < la || is_text_family(a.base) != is_text_family(b.base);
        return out;
    }
    if (is_char(a.base) && lb >= 0) {  // VARCHAR(n) -> TEXT
        long long len = a.numbers.empty() ? 1 : a.numbers[0];
        out.narrowing = lob_bytes(lb) < len * 4 && lob_bytes(lb) < len;
        return out;
    }
    if ((a.base == "decimal" && b.base == "decimal")) {
        long long pa = a.numbers.empty() ? 10 : a.numbers[0];
        long long sa = a.numbers.size() > 1 ? a.numbers[1] : 0;
        long long pb = b.numbers.empty() ? 10 : b.numbers[0];
        long long sb = b.numbers.size() > 1 ? b.numbers[1] : 0;
        out.narrowing = sb < sa || (pb - sb) < (pa - sa) || a.unsigned_ != b.unsigned_;
        return out;
    }
    if ((a.base == "enum" && b.base == "enum") || (a.base == "set" && b.base == "set")) {
        // Labels appended at the end: metadata only (INSTANT) while the storage size stays.
        bool prefix = b.labels.size() >= a.labels.size() && std::equal(a.labels.begin(), a.labels.end(), b.labels.begin());
        out.narrowing = !prefix;
        out.rebuild = !prefix;
        return out;
    }
    if (a.base == b.base && (a.base == "datetime" || a.base == "timestamp" || a.base == "time")) {
        long long fa = a.numbers.empty() ? 0 : a.numbers[0];
        long long fb = b.numbers.empty() ? 0 : b.numbers[0];
        out.narrowing = fb < fa;
        return out;
    }
    if ((a.base == "float" && b.base == "double") || (ia >= 0 && b.base == "decimal" && !b.numbers.empty() &&
                                                     b.numbers[0] - (b.numbers.size() > 1 ? b.numbers[1] : 0) >= 20)) {
        return out;
    }
    if (ia >= 0 && (b.base == "bigint" || b.base == "decimal")) {
        return out;
    }
    // Anything else converts values: some may not fit.
    out.narrowing = true;
    return out;
}

}  // namespace schemerge::synth::mysql
