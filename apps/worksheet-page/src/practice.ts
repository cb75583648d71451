import { boot } from './boot.ts';
import { practiceGrader } from './grading.ts';

// The practice (and SCORM) bundle: grades in the page with @odot/grader.
boot(practiceGrader);
