/**
 * Word banks for the benchmark's synthetic pages. Fixed here rather than read from content/, so
 * the generated pages (and so the figures) stay comparable from commit to commit while the real
 * pages change. Plain-language patient prose like the real pages, with a wide enough vocabulary
 * that the search index grows the way a real site's would.
 */

/** Slot values; a template names a slot as {slot} (or {slot2} for a second, different value). */
export const SLOTS: Record<string, readonly string[]> = {
  condition: [
    "breast cancer", "lung cancer", "colon cancer", "rectal cancer", "prostate cancer", "lymphoma", "leukemia",
    "melanoma", "ovarian cancer", "pancreatic cancer", "thyroid cancer", "bladder cancer", "kidney cancer",
    "multiple myeloma", "sarcoma", "a brain tumor", "head and neck cancer", "liver cancer", "stomach cancer",
    "cervical cancer", "uterine cancer", "esophageal cancer", "testicular cancer", "bone cancer", "skin cancer",
    "a blood cancer", "an early-stage cancer", "a cancer that has come back", "a rare cancer", "a childhood cancer",
  ],
  treatment: [
    "surgery", "chemotherapy", "radiation therapy", "immunotherapy", "hormone therapy", "targeted therapy",
    "a stem cell transplant", "proton therapy", "a clinical trial drug", "watchful waiting", "palliative care",
    "a short course of radiation", "pills you take at home", "an infusion", "a new drug", "a second surgery",
    "CAR T-cell therapy", "brachytherapy", "rehabilitation", "physical therapy",
  ],
  test: [
    "a CT scan", "an MRI", "a PET scan", "a blood test", "a biopsy", "an ultrasound", "a bone scan",
    "genetic testing", "a tumor marker test", "a colonoscopy", "a mammogram", "a chest X-ray", "a heart test",
    "a lung function test", "a urine test", "a bone marrow test",
  ],
  person: [
    "your doctor", "your nurse", "the care team", "your oncologist", "a social worker", "a nurse navigator",
    "the pharmacist", "your surgeon", "a dietitian", "your family doctor", "the billing office", "a patient navigator",
    "your radiation oncologist", "a financial counselor", "a chaplain", "a counselor", "the front desk",
  ],
  document: [
    "pathology report", "scan reports", "list of medicines", "treatment plan", "insurance card", "test results",
    "surgery notes", "referral letter", "discharge summary", "lab results", "calendar of visits", "list of allergies",
    "care summary", "consent form", "bill", "letter from your plan",
  ],
  sideEffect: [
    "fatigue", "nausea", "hair loss", "mouth sores", "skin changes", "low blood counts", "trouble sleeping",
    "loss of appetite", "numbness in your hands", "diarrhea", "constipation", "pain", "swelling",
    "shortness of breath", "memory changes", "a fever", "dry mouth", "weight loss", "joint aches", "hot flashes",
  ],
  time: [
    "before your first visit", "during treatment", "after surgery", "each week", "within a few days",
    "at your next visit", "before you start", "in the first month", "between visits", "at night",
    "on treatment days", "after each cycle", "in the weeks after treatment", "while you wait for results",
  ],
  place: [
    "the clinic", "the infusion center", "the hospital", "a cancer center", "the lab", "the pharmacy",
    "the imaging center", "a local clinic", "the emergency room", "a support center", "a rehab center",
  ],
  action: [
    "write down your questions", "bring a friend", "keep a notebook", "ask for copies", "call the clinic",
    "check your calendar", "rest when you can", "drink plenty of water", "take short walks", "ask for help",
    "keep track of symptoms", "plan the trip", "check with your plan", "read the forms", "set reminders",
    "pack a snack", "wear loose clothes", "ask about parking", "bring a list of medicines", "take notes",
  ],
  feeling: ["worried", "tired", "unsure", "hopeful", "stressed", "overwhelmed", "calm", "ready", "confused", "alone", "angry", "sad"],
  duration: ["an hour", "a few hours", "most of the day", "about 30 minutes", "half a day", "two or three hours"],
  service: [
    "free rides", "parking help", "meal vouchers", "a quiet room", "a support group", "a lending library",
    "help with forms", "a language interpreter", "video visits", "a patient portal", "a nurse phone line",
    "exercise classes", "counseling", "child care help", "a wig bank",
  ],
  activity: ["work", "drive", "exercise", "travel", "cook", "go for walks", "see friends", "garden", "care for children"],
  supplement: ["vitamins", "herbs", "teas", "pain relievers", "sleep aids", "cold medicines", "diet products"],
  event: [
    "your first visit", "surgery", "a scan", "your first infusion", "a second opinion visit", "your follow-up visit",
    "a long trip for care", "the end of treatment", "a hospital stay", "your biopsy",
  ],
  task: [
    "getting a second opinion", "preparing for surgery", "starting chemotherapy", "talking with your care team",
    "planning radiation therapy", "joining a clinical trial", "paying for treatment", "getting your test results",
    "managing side effects", "asking about genetic testing", "choosing a cancer center", "coping with fatigue",
    "eating well during treatment", "going back to work", "caring for a family member", "getting ready for a scan",
    "reading your pathology report", "finding a support group", "planning follow-up care", "traveling for treatment",
    "talking with children about cancer", "keeping track of your medicines", "getting a ride to treatment",
    "sleeping better during treatment", "asking about fertility", "planning time off work",
  ],
};

/** One-sentence templates, about 8 to 20 words each, like the sentences on the real pages. */
export const SENTENCES: readonly string[] = [
  "Ask {person} how {treatment} may help with {condition}.",
  "{person} can explain what your {document} says.",
  "Many people feel {feeling} {time}, and that is normal.",
  "It helps to {action} {time}.",
  "Bring your {document} and your {document2} to {place}.",
  "Some people have {sideEffect} {time}.",
  "Tell {person} right away if you have {sideEffect} or {sideEffect2}.",
  "{test} can show whether {condition} has grown or spread.",
  "Your plan may pay for {test} if {person} says you need it.",
  "You can ask {person} to send your {document} to {place}.",
  "Treatment for {condition} often includes {treatment} and {treatment2}.",
  "Each visit to {place} may take {duration}.",
  "{person} may suggest {treatment} based on your {document}.",
  "Write down what {person} tells you about {treatment}.",
  "If you feel {feeling}, talk with {person} about support.",
  "Ask whether you need {test} before {treatment}.",
  "It is fine to ask the same question twice.",
  "Keep your {document} in one folder so you can find it fast.",
  "People with {condition} may need {test} every few months.",
  "Some centers offer {service} for people getting {treatment}.",
  "Find out who to call {time}, including nights and weekends.",
  "Your costs depend on your plan, where you are seen, and the tests you need.",
  "{person} can help you plan rides, meals and time off work.",
  "Do not stop taking a medicine unless {person} says it is safe.",
  "Ask what the goal of {treatment} is in your case.",
  "Research on {condition} changes often, so ask about the newest results.",
  "A short list of questions can make {event} less stressful.",
  "You have the right to see and get copies of your {document}.",
  "Most people can {activity} during {treatment}, but ask {person} first.",
  "Let {person} know about any {supplement} you take.",
  "Call {place} if you have {sideEffect} that will not go away.",
  "You may meet {person} and {person2} on the same day.",
  "{service} can make a long day at {place} easier.",
  "Some people bring someone to {event} to help them listen.",
  "Plan to {action} the day before {event}.",
  "There is no single right choice for everyone with {condition}.",
  "Ask how long it is safe to wait before {treatment}.",
  "Side effects of {treatment} often fade in the weeks after it ends.",
  "{test} usually takes {duration}, and you can go home the same day.",
  "If a word is new to you, ask {person} to explain it.",
  "Your {document} helps a new doctor understand your case.",
  "Family and friends often want to help, so tell them what you need.",
  "Some plans need prior approval before {test} or {treatment}.",
  "You can ask for an interpreter at {place} at no cost.",
  "Keep a list of every place that has your {document}.",
  "Many people find it helps to {action} and to {action2}.",
  "Check with {person} before you {activity} {time}.",
  "It can take {duration} to check in at {place}, so come early.",
  "Not every treatment for {condition} is right for every person.",
  "Ask {person} which side effects to report and which are expected.",
];

/** Sentences that carry a glossary term: {term} is replaced by a <Term> on first use. */
export const TERM_SENTENCES: readonly string[] = [
  "Your care team may talk about {term} at {event}.",
  "Ask {person} what {term} means for you.",
  "You may see {term} in your {document}.",
  "If you hear about {term}, ask {person} to explain it in plain words.",
  "Knowing about {term} can help you ask better questions.",
];

/** Section headings (##). None may be a layout id such as "Sources" or "Related". */
export const HEADINGS: readonly string[] = [
  "What {treatment} involves", "Getting ready for {event}", "Questions to ask {person}", "Paying for {treatment}",
  "Side effects of {treatment}", "Taking care of yourself {time}", "When to call for help", "Working with your care team",
  "Tests you may need", "Getting your records", "Support for you and your family", "Planning your visits",
  "Making choices about treatment", "What happens after {treatment}", "Living with {condition}", "Your rights as a patient",
];

/** Subsection headings (###). */
export const SUBHEADINGS: readonly string[] = [
  "If you have {sideEffect}", "Before {event}", "What to bring", "Costs to ask about", "Getting there", "At home",
  "Talking with family", "At work", "Keeping track", "If your plan says no", "Help with {sideEffect}", "On the day",
];

/** Page titles; the generator skips any that come out longer than the site's limit. */
export const TITLES: readonly string[] = [
  "What to know about {task}", "{task} when you have {condition}", "Questions about {treatment} for {condition}",
  "How to prepare for {event}", "{treatment} for {condition}: what to expect", "A guide to {task}",
  "{task}: questions to ask", "Your guide to {treatment}",
];

/** Descriptions; the generator keeps them within the site's 50 to 160 characters. */
export const DESCRIPTIONS: readonly string[] = [
  "What to expect from {treatment} for {condition}, what to ask {person}, and where to find help.",
  "How to get ready for {event}, what to bring, and who can help with costs and rides.",
  "Plain answers about {task}: the steps, the costs, and the questions worth asking.",
  "What {test} and {treatment} involve, how long they take, and how to look after yourself.",
];

/** Tip boxes: a title and a body. */
export const TIPS: ReadonlyArray<{ title: string; text: string }> = [
  { title: "Keep a notebook", text: "Write down each question before a visit and the answer after it. Bring the notebook every time." },
  { title: "Ask for copies", text: "Ask for your own copy of every report. It saves time if you see another doctor later." },
  { title: "Bring someone with you", text: "A friend or family member can listen, take notes, and help you remember what was said." },
  { title: "Call before you go", text: "Call the day before to check the time, the address, and what to bring." },
];

/** Trusted publishers' pages, used as each page's sources (https, with a year or an access date). */
export const SOURCES: ReadonlyArray<{ id: string; title: string; publisher: string; url: string; year?: number }> = [
  { id: "nci-treatment", title: "Types of Cancer Treatment", publisher: "National Cancer Institute", url: "https://www.cancer.gov/about-cancer/treatment/types" },
  { id: "nci-side-effects", title: "Side Effects of Cancer Treatment", publisher: "National Cancer Institute", url: "https://www.cancer.gov/about-cancer/treatment/side-effects" },
  { id: "nci-coping", title: "Coping with Cancer", publisher: "National Cancer Institute", url: "https://www.cancer.gov/about-cancer/coping" },
  { id: "acs-treatment", title: "Treatment Types", publisher: "American Cancer Society", url: "https://www.cancer.org/cancer/managing-cancer/treatment-types.html" },
  { id: "acs-caregivers", title: "Caregivers and Family", publisher: "American Cancer Society", url: "https://www.cancer.org/cancer/caregivers.html" },
  { id: "cancernet-navigating", title: "Navigating Cancer Care", publisher: "American Society of Clinical Oncology (Cancer.Net)", url: "https://www.cancer.net/navigating-cancer-care", year: 2023 },
  { id: "cancernet-costs", title: "Managing the Cost of Cancer Care", publisher: "American Society of Clinical Oncology (Cancer.Net)", url: "https://www.cancer.net/navigating-cancer-care/financial-considerations", year: 2022 },
  { id: "medlineplus-cancer", title: "Cancer", publisher: "National Library of Medicine (MedlinePlus)", url: "https://medlineplus.gov/cancer.html" },
  { id: "medicare-coverage", title: "Your Medicare Coverage", publisher: "Centers for Medicare & Medicaid Services (Medicare.gov)", url: "https://www.medicare.gov/coverage" },
  { id: "hhs-access", title: "Individuals' Right under HIPAA to Access their Health Information", publisher: "U.S. Department of Health and Human Services", url: "https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/access/index.html" },
  { id: "nccn-patients", title: "NCCN Guidelines for Patients", publisher: "National Comprehensive Cancer Network (NCCN)", url: "https://www.nccn.org/patientresources/patient-resources/guidelines-for-patients" },
  { id: "clinicaltrials-gov", title: "Learn About Studies", publisher: "National Library of Medicine (ClinicalTrials.gov)", url: "https://clinicaltrials.gov/study-basics/learn-about-studies", year: 2024 },
];
