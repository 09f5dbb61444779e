/** The French e-mails the desk sends to citizens (plain text; the sender derives any HTML). */
export function trackingUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/suivi/${token}`;
}

/**
 * Message-IDs are compared in their bracketed form "<id@domain>" (the outbox's form too), whatever
 * the mail client sent ("id@domain", spaces); null for something that is not a Message-ID.
 */
export function bracketMessageId(value: string): string | null {
  const bare = value.trim().replace(/^<|>$/g, "");
  return /^[^\s<>@]+@[^\s<>@]+$/.test(bare) ? `<${bare}>` : null;
}

/** The reference in brackets lets a reply find its case even when a mail client drops In-Reply-To. */
export function caseEmailSubject(reference: string, subject: string): string {
  return `[${reference}] ${subject}`;
}

export function acknowledgementEmail(options: {
  organisationName: string;
  reference: string;
  subject: string;
  trackingLink: string;
}): { subject: string; text: string } {
  return {
    subject: caseEmailSubject(options.reference, `Nous avons bien reçu votre demande : ${options.subject}`),
    text: [
      "Bonjour,",
      "",
      `${options.organisationName} a bien reçu votre demande « ${options.subject} ».`,
      `Sa référence est ${options.reference}.`,
      "",
      "Vous pouvez suivre son avancement, nous répondre et ajouter des documents à cette adresse :",
      options.trackingLink,
      "",
      "Ce lien est personnel : ne le transmettez pas. Vous pouvez aussi répondre directement à ce message.",
      "",
      "Cordialement,",
      options.organisationName,
    ].join("\n"),
  };
}

/** The "Je donne mon avis" paragraph of the e-mail that tells a citizen their case is resolved. */
function feedbackParagraph(feedbackUrl: string | undefined): string[] {
  if (!feedbackUrl) return [];
  return [
    "",
    "Votre avis nous aide à améliorer nos services. Deux minutes suffisent, vos réponses sont anonymes :",
    `Je donne mon avis : ${feedbackUrl}`,
    "Ce lien ne sert qu'une fois, pendant 30 jours.",
  ];
}

export function agentReplyEmail(options: {
  organisationName: string;
  reference: string;
  subject: string;
  body: string;
  publicUrl: string;
  /** When the reply resolves the case: the one-time "Je donne mon avis" link (feedback invitation). */
  feedbackUrl?: string | undefined;
}): { subject: string; text: string } {
  return {
    subject: caseEmailSubject(options.reference, `Re: ${options.subject}`),
    text: [
      options.body,
      ...feedbackParagraph(options.feedbackUrl),
      "",
      "--",
      `${options.organisationName} — demande ${options.reference}`,
      "Pour nous répondre, répondez simplement à ce message, ou retrouvez votre demande avec sa référence",
      `et votre adresse électronique sur ${options.publicUrl.replace(/\/+$/, "")}/suivi`,
    ].join("\n"),
  };
}

/** Sent when an agent marks a case resolved without writing a reply (the reply itself says it otherwise). */
export function resolutionEmail(options: {
  organisationName: string;
  reference: string;
  subject: string;
  publicUrl: string;
  /** One-time "Je donne mon avis" link (feedback invitation), when one was created. */
  feedbackUrl?: string | undefined;
}): { subject: string; text: string } {
  return {
    subject: caseEmailSubject(options.reference, `Votre demande est traitée : ${options.subject}`),
    text: [
      "Bonjour,",
      "",
      `Votre demande ${options.reference} « ${options.subject} » est marquée comme résolue.`,
      "Si ce n'est pas le cas, répondez simplement à ce message : votre demande sera rouverte.",
      `Vous pouvez aussi la retrouver avec sa référence et votre adresse électronique sur ${options.publicUrl.replace(/\/+$/, "")}/suivi`,
      ...feedbackParagraph(options.feedbackUrl),
      "",
      "Cordialement,",
      options.organisationName,
    ].join("\n"),
  };
}
