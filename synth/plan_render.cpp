#include "synth/plan_render.hpp"

namespace schemerge::synth {

std::vector<PlanSection> sections(const Plan& plan) {
    std::vector<PlanSection> out;
    if (plan.steps.empty()) {
        return out;
    }
    if (!plan.transactional_ddl) {
        out.push_back({PlanSection::Kind::autocommit, 0, plan.steps.size()});
        return out;
    }
    bool seen_transaction = false;
    std::size_t i = 0;
    while (i < plan.steps.size()) {
        bool transactional = plan.steps[i].transactional;
        std::size_t end = i;
        while (end < plan.steps.size() && plan.steps[end].transactional == transactional) {
            ++end;
        }
        PlanSection::Kind kind = transactional       ? PlanSection::Kind::transaction
                                 : seen_transaction ? PlanSection::Kind::after_transaction
                                                    : PlanSection::Kind::before_transaction;
        seen_transaction = seen_transaction || transactional;
        out.push_back({kind, i, end});
        i = end;
    }
    return out;
}

namespace {

void render_step(std::string& out, const Step& step, const ScriptStyle& style) {
    out += "\n";
    out += style.comment;
    out += step.change + "\n";
    for (const auto& h : step.hazards) {
        out += style.comment;
        out += "  hazard " + h.id + ": " + h.message + "\n";
    }
    if (!step.sql.empty()) {
        out += step.sql;
        out += style.terminator;
        out += "\n";
    }
}

}  // namespace

std::string render_script(const Plan& plan, const ScriptStyle& style) {
    std::string out;
    out += style.comment;
    out += style.title;
    out += "\n";
    for (const auto& note : plan.notes) {
        out += style.comment;
        out += "note: " + note + "\n";
    }
    if (plan.steps.empty()) {
        out += style.comment;
        out += style.identical;
        out += "\n";
        return out;
    }
    for (const auto& section : sections(plan)) {
        bool transaction = section.kind == PlanSection::Kind::transaction;
        if (transaction) {
            out += "\n";
            out += style.begin;
            out += style.terminator;
            out += "\n";
        } else {
            std::string_view heading = section.kind == PlanSection::Kind::before_transaction ? style.before_transaction
                                       : section.kind == PlanSection::Kind::after_transaction ? style.after_transaction
                                                                                              : style.autocommit;
            out += "\n";
            out += style.comment;
            out += heading;
            out += "\n";
        }
        for (std::size_t k = section.begin; k < section.end; ++k) {
            render_step(out, plan.steps[k], style);
        }
        if (transaction) {
            out += "\n";
            out += style.commit;
            out += style.terminator;
            out += "\n";
        }
    }
    return out;
}

}  // namespace schemerge::synth
