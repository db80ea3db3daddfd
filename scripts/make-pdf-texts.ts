/** The texts of the PDF fixtures (scripts/make-pdf-fixtures.ts), which the tests compare what Skim reads with. */

/** A short report, in paragraphs of plain sentences; every fixture but the scan is made from it. */
export const REPORT_TITLE = 'Harbour Survey Finds Rising Water Temperatures';
export const REPORT = [
  'The annual harbour survey published on Tuesday found that water temperatures in the inner basin rose for the fifth consecutive year, reaching an average of fourteen degrees during the spring months.',
  'Researchers from the Coastal Institute measured temperatures at forty stations between March and June. Dr. Miriam Okafor, who led the survey, said the warming was strongest near the old shipyard, where shallow water and dark sediment absorb more sunlight.',
  'The survey also counted fewer juvenile cod than in any previous year. Fishermen in Port Edwin have reported smaller catches since the autumn, and the harbour authority said it would review the seasonal quotas before the summer.',
  'Local councillors welcomed the findings but questioned the cost of the proposed monitoring buoys. The institute estimates that twelve permanent buoys would cost about two million over ten years, including maintenance and data processing.',
  'The full survey, with station maps and methodology, will be presented at a public meeting in the town hall next month. Residents may submit written questions to the harbour authority until the end of May.',
];

/** Long words, so that hyphenating them at line ends is certain at the fixture's width. */
export const HYPHENATED = [
  'Interdisciplinary collaboration between oceanographers, meteorologists and microbiologists produced unprecedented measurements of phytoplankton concentrations throughout the characteristically unpredictable springtime.',
  'Notwithstanding considerable methodological disagreements, the investigators acknowledged extraordinary improvements in instrumentation, particularly the temperature-resistant thermometers deployed alongside conventional equipment.',
  'Environmentalists characterised the documentation as comprehensive, straightforward and unquestionably authoritative regarding the consequences of uncontrolled industrialisation along the waterfront.',
];
