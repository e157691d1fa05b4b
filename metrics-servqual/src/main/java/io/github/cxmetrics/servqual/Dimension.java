package io.github.cxmetrics.servqual;

/**
 * The five dimensions of service quality measured by SERVQUAL (Parasuraman, Zeithaml &amp; Berry
 * 1988, "SERVQUAL: a multiple-item scale for measuring consumer perceptions of service quality",
 * <i>Journal of Retailing</i> 64(1):12–40). In the 22-item instrument of Parasuraman, Berry &amp;
 * Zeithaml (1991) the items are grouped 1–4, 5–9, 10–13, 14–17 and 18–22 in the order below.
 *
 * @since 0.1.0
 */
public enum Dimension {
    /** Physical facilities, equipment and appearance of personnel. */
    TANGIBLES,
    /** Ability to perform the promised service dependably and accurately. */
    RELIABILITY,
    /** Willingness to help customers and provide prompt service. */
    RESPONSIVENESS,
    /** Knowledge and courtesy of employees and their ability to inspire trust and confidence. */
    ASSURANCE,
    /** Caring, individualised attention the firm provides its customers. */
    EMPATHY
}
