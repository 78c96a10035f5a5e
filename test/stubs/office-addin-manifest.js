// office-addin-mock needs only this enum from office-addin-manifest, whose real module fails under Jest.
module.exports = { OfficeApp: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project' } };
