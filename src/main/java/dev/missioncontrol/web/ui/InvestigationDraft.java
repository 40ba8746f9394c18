package dev.missioncontrol.web.ui;

/** What the new-investigation form holds: empty at first, or as the person typed it when it was refused. */
public record InvestigationDraft(String prompt, String context, boolean general, String error) {
    static final InvestigationDraft EMPTY = new InvestigationDraft("", "", false, "");
}
