pragma Singleton
import QtQuick

// Colours, sizes and the words for codes shared by every screen. `scale` follows the window
// (1 at 1280×800, larger on 1920×1080) so text stays readable from a step away.
QtObject {
    property real scale: 1.0

    readonly property color background: "#eef1f5"
    readonly property color surface: "#ffffff"
    readonly property color header: "#1d2b3a"
    readonly property color headerText: "#ffffff"
    readonly property color text: "#1f2933"
    readonly property color muted: "#5f6b7a"
    readonly property color border: "#c9d1db"
    readonly property color primary: "#1f5fa8"
    readonly property color ok: "#2e7d32"
    readonly property color warn: "#b86e00"
    readonly property color warnBackground: "#fff3d6"
    readonly property color bad: "#c62828"
    readonly property color badBackground: "#fde3e3"
    readonly property color neutral: "#607080"
    readonly property color focus: "#ffb300"

    readonly property int fontSmall: Math.round(14 * scale)
    readonly property int font: Math.round(17 * scale)
    readonly property int fontLarge: Math.round(22 * scale)
    readonly property int fontHuge: Math.round(30 * scale)
    readonly property int touch: Math.round(52 * scale) // the smallest thing a finger must hit
    readonly property int spacing: Math.round(12 * scale)
    readonly property int radius: Math.round(8 * scale)

    function verdictColour(verdict) {
        switch (verdict) {
        case "read": return ok
        case "check": return warn
        case "rejected": return bad
        default: return neutral
        }
    }

    function verdictText(verdict) {
        switch (verdict) {
        case "read": return qsTr("read")
        case "check": return qsTr("check this")
        case "rejected": return qsTr("rejected")
        case "notCard": return qsTr("not a card")
        case "duplicate": return qsTr("already scanned")
        default: return verdict
        }
    }

    // Attendance codes of the school rules; "" is a row without a mark: present.
    function codeText(code) {
        switch (code) {
        case "": return qsTr("present")
        case "nb": return qsTr("nb – absent")
        case "u": return qsTr("u – excused")
        case "sp": return qsTr("sp – late")
        case "zw": return qsTr("zw – released")
        default: return code
        }
    }

    function roleText(role) {
        switch (role) {
        case "teacher": return qsTr("teacher")
        case "class_teacher": return qsTr("class teacher")
        case "director": return qsTr("director")
        case "administrator": return qsTr("administrator")
        case "secretariat": return qsTr("secretariat")
        case "inspector": return qsTr("inspector")
        default: return role
        }
    }

    function dateTimeText(value) {
        if (!value || isNaN(value.getTime()))
            return qsTr("never")
        return Qt.formatDateTime(value, "yyyy-MM-dd HH:mm")
    }
}
